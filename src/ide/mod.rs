//! Editor features as plain data with byte ranges, shared by the command
//! line and the language server.

pub mod outline;
