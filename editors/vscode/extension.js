// gklint for VS Code: starts `gklint lsp` for plain-text and Markdown reports and passes the
// `gklint.*` settings as initializationOptions (and again, on change, through
// workspace/didChangeConfiguration — the server reads the `gklint` section).
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

// The settings the server understands (lsp/Protocol.h GklintSettings).
const SERVER_SETTINGS = ['configPath', 'ruleFolders', 'ruleFiles', 'year', 'severities', 'docsUrl'];

let client;

function serverSettings() {
  const config = vscode.workspace.getConfiguration('gklint');
  const settings = {};
  for (const key of SERVER_SETTINGS) settings[key] = config.get(key);
  return settings;
}

async function start(context) {
  const config = vscode.workspace.getConfiguration('gklint');
  const command = config.get('path') || 'gklint';
  const args = ['lsp', ...(config.get('serverArgs') || [])];
  const serverOptions = {
    run: { command, args, transport: TransportKind.stdio },
    debug: { command, args: [...args, '--log=verbose'], transport: TransportKind.stdio },
  };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      // Published pages: findings on the page's own lines (no quick fixes there).
      { scheme: 'file', language: 'html' },
      // Open configuration buffers: the server reads a .gklint.yaml (and rule files) as edited.
      { scheme: 'file', language: 'yaml' },
    ],
    initializationOptions: serverSettings(),
    synchronize: {
      // Sent as workspace/didChangeConfiguration {settings: {gklint: {...}}} on every change.
      configurationSection: 'gklint',
    },
    outputChannelName: 'gklint',
  };
  client = new LanguageClient('gklint', 'gklint', serverOptions, clientOptions);
  await client.start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('gklint.restart', async () => {
      if (client) await client.stop();
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // The executable or its arguments changed: only a restart applies them.
      if (event.affectsConfiguration('gklint.path') || event.affectsConfiguration('gklint.serverArgs')) {
        await vscode.commands.executeCommand('gklint.restart');
      }
    }),
  );
  try {
    await start(context);
  } catch (error) {
    vscode.window.showErrorMessage(`gklint: could not start the language server (${error.message}). ` +
                                   'Set gklint.path to the gklint executable.');
  }
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate, SERVER_SETTINGS };
