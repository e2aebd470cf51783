using System.CommandLine;
using System.Text;
using Tumen.Core;
using Tumen.Application.Exports;

namespace Tumen.Cli.Commands;

/// <summary><c>tumen export</c>: every person, decrypted, for authorised use; the export is audited.</summary>
internal static class ExportCommand
{
    public static Command Create(CliEnvironment env)
    {
        var workspace = WorkspaceAccess.WorkspaceOption();
        var format = new Option<string>("--format")
        {
            Description = "json or csv (the csv imports back unchanged).",
            DefaultValueFactory = _ => PersonExporter.Json,
        };
        format.AcceptOnlyFromAmong(PersonExporter.Json, PersonExporter.Csv);
        var output = new Option<string?>("--out") { Description = "Write to this new file instead of standard output.", HelpName = "FILE" };
        var command = new Command("export", "Export all persons decrypted (PLAINTEXT: keep the output on an encrypted disk).") { workspace, format, output };
        command.SetAction(async (parse, ct) =>
        {
            using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct).ConfigureAwait(false);
            var path = parse.GetValue(output);
            if (path is null)
            {
                await PersonExporter.ExportAsync(opened, parse.GetValue(format)!, env.Out, ct).ConfigureAwait(false);
                return 0;
            }

            if (File.Exists(path))
            {
                throw new TumenException($"{path} already exists; nothing was written.", ExitCode.BadInput);
            }

            int count;
            try
            {
                await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                count = await PersonExporter.ExportAsync(opened, parse.GetValue(format)!, writer, ct).ConfigureAwait(false);
            }
            catch
            {
                File.Delete(path);
                throw;
            }

            await env.Error.WriteLineAsync($"Exported {count:N0} persons to {path}. It is plaintext: delete it securely when done.").ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
