// Starts `createjob-lint --lsp` for JSON and YAML files with the generic
// language client; the server itself leaves files that are not job requests alone.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration('createjob-lint');
  const command = settings.get('path', 'createjob-lint');
  const args = ['--lsp', ...settings.get('args', [])];
  client = new LanguageClient('createjob-lint', 'createjob-lint',
    { command, args },
    {
      documentSelector: [
        { scheme: 'file', language: 'json' },
        { scheme: 'file', language: 'yaml' },
      ],
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher('**/.createjob-lint.yaml'),
      },
    });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
