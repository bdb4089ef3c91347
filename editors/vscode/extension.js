// Minutes for VS Code: starts `minutes lsp` (vscode-languageclient) for
// *.minutes files, and adds "Minutes: Show actions", a quick pick over the
// workspace's action register that jumps to each action.
'use strict';
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

const INSTALL_STEPS =
  'Install it from the Minutes repository with `cargo install --locked --path .` ' +
  '(it lands in ~/.cargo/bin: put that on PATH), or set "minutes.server.path" to the executable.';

/** The executable: an absolute path as given, or a name looked up on PATH. */
function findServer(configured) {
  const name = configured || 'minutes';
  if (path.isAbsolute(name)) return fs.existsSync(name) ? name : null;
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch (_) { /* not here */ }
    }
  }
  return null;
}

async function start(context) {
  const cfg = vscode.workspace.getConfiguration('minutes');
  const configured = cfg.get('server.path');
  const command = findServer(configured);
  if (!command) {
    const choice = await vscode.window.showErrorMessage(
      `Minutes: the language server “${configured || 'minutes'}” was not found. ${INSTALL_STEPS}`,
      'Open Settings', 'Copy install command');
    if (choice === 'Open Settings') vscode.commands.executeCommand('workbench.action.openSettings', 'minutes.server.path');
    if (choice === 'Copy install command') vscode.env.clipboard.writeText('cargo install --locked --path .');
    return;
  }
  const docsUrl = cfg.get('rules.documentationUrl');
  client = new LanguageClient('minutes', 'Minutes',
    // stdio without a transport: TransportKind.stdio would append --stdio
    { command, args: ['lsp'] },
    {
      documentSelector: [{ scheme: 'file', language: 'minutes' }, { scheme: 'untitled', language: 'minutes' }],
      initializationOptions: {
        ...(docsUrl ? { ruleDocsUrl: docsUrl } : {}),
        // registered below: the server attaches it to fixes that leave an owner to name
        clientCommands: ['minutes.openBlank'],
      },
    });
  await client.start();
}

/** Puts the cursor where a fix left the owner to name and opens completion there. */
async function openBlank(uri, position) {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(doc);
  const at = new vscode.Position(position.line, position.character);
  editor.selection = new vscode.Selection(at, at);
  await vscode.commands.executeCommand('editor.action.triggerSuggest');
}

/** "Minutes: Show actions": the workspace's register, from the server. */
async function showActions() {
  if (!client) {
    vscode.window.showWarningMessage(`Minutes: the language server is not running. ${INSTALL_STEPS}`);
    return;
  }
  const entries = await client.sendRequest('minutes/actions');
  if (!Array.isArray(entries) || entries.length === 0) {
    vscode.window.showInformationMessage('Minutes: no actions in the workspace.');
    return;
  }
  const items = entries.map((e) => ({
    label: `${e.status === 'overdue' ? '$(warning) ' : ''}${e.owners.length ? e.owners.join(', ') : '(no owner)'}`,
    description: [e.due_text || '', e.kind === 'implied' ? 'implied' : ''].filter(Boolean).join(' · '),
    detail: `${e.task || '(no task)'} — ${vscode.workspace.asRelativePath(vscode.Uri.parse(e.file))}:${e.line}`,
    entry: e,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `Minutes: ${entries.length} actions`,
    placeHolder: 'Filter by owner, task or due date',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(picked.entry.file));
  const line = Math.max(0, picked.entry.line - 1);
  const editor = await vscode.window.showTextDocument(doc);
  const at = new vscode.Position(line, 0);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
}

exports.activate = async function (context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('minutes.showActions', showActions),
    vscode.commands.registerCommand('minutes.openBlank', openBlank),
    vscode.commands.registerCommand('minutes.restartServer', async () => {
      if (client) await client.stop();
      client = undefined;
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('minutes')) vscode.commands.executeCommand('minutes.restartServer');
    }),
  );
  await start(context);
};

exports.deactivate = function () {
  return client ? client.stop() : undefined;
};
