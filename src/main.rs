fn main() -> std::process::ExitCode {
    minutes::cli::run()
}
