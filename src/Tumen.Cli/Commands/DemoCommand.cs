using System.CommandLine;
using Tumen.Core;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen demo</c>: builds a workspace from the bundled synthetic corpus and runs the pipeline on
/// it, step by step, through the same commands a user runs. Every name in the corpus is made up.
/// </summary>
internal static class DemoCommand
{
    public const string Passphrase = "tumen demo passphrase (synthetic data only)";

    public static Command Create(CliEnvironment env)
    {
        var workspace = new Option<string?>("--workspace", "-w")
        {
            Description = "Where to build the demo workspace (a new folder; default: a fresh folder under the temp directory).",
            HelpName = "DIR",
        };
        var command = new Command("demo", "Run the whole pipeline on a bundled synthetic corpus (no real person's data).") { workspace };
        command.SetAction(async (parse, ct) =>
        {
            var directory = Path.GetFullPath(parse.GetValue(workspace) ?? Path.Combine(Path.GetTempPath(), "tumen-demo-" + Guid.NewGuid().ToString("N")[..8]));
            if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            {
                throw new TumenException($"{directory} is not empty; give the demo a new folder.", ExitCode.BadInput);
            }

            var corpus = Path.Combine(directory, "corpus");
            Directory.CreateDirectory(corpus);
            var lists = new List<string>();
            foreach (var name in new[] { "list-a.csv", "list-b.csv", "list-c.csv" })
            {
                var path = Path.Combine(corpus, name);
                await using (var resource = typeof(DemoCommand).Assembly.GetManifestResourceStream("Demo/" + name)!)
                await using (var file = File.Create(path))
                {
                    await resource.CopyToAsync(file, ct).ConfigureAwait(false);
                }

                lists.Add(path);
            }

            var demoEnv = env with
            {
                GetVariable = name => name switch
                {
                    "TUMEN_PASSPHRASE" => Passphrase,
                    "TUMEN_WORKSPACE" => Path.Combine(directory, "workspace"),
                    "TUMEN_ACTOR" => "demo",
                    _ => env.GetVariable(name),
                },
            };
            await env.Out.WriteLineAsync($"Tumen demo in {directory} (passphrase: \"{Passphrase}\")").ConfigureAwait(false);
            await StepAsync(demoEnv, "Create an encrypted workspace", ["init", "--kdf-memory", "19"], ct).ConfigureAwait(false);
            await StepAsync(demoEnv, "Import three overlapping victim lists (synthetic)", ["import", .. lists], ct).ConfigureAwait(false);
            await StepAsync(demoEnv, "Find a person by name through the blind index (no plaintext index exists)", ["person", "list", "--name", "Kim"], ct).ConfigureAwait(false);
            await StepAsync(demoEnv, "Link the same women across the three lists (Hangul, Han characters, romanisations)", ["link"], ct).ConfigureAwait(false);
            await StepAsync(demoEnv, "The pairs the machine is unsure of wait for a person's decision", ["review", "list"], ct).ConfigureAwait(false);
            await StepAsync(demoEnv, "Estimate how many women no list recorded (multiple systems estimation over the linked persons)",
                ["estimate", "--method", "all", "--chains", "1"], ct).ConfigureAwait(false);
            await StepAsync(demoEnv, "Check the audit chain, every seal and every ciphertext", ["verify"], ct).ConfigureAwait(false);
            await StepAsync(demoEnv, "Write an encrypted, self-verifying backup", ["backup", Path.Combine(directory, "demo.tbk")], ct).ConfigureAwait(false);
            await env.Out.WriteLineAsync().ConfigureAwait(false);
            await env.Out.WriteLineAsync($"Done. Explore it: export TUMEN_WORKSPACE={Path.Combine(directory, "workspace")} and run 'tumen person list'.").ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static async Task StepAsync(CliEnvironment env, string title, string[] args, CancellationToken ct)
    {
        await env.Out.WriteLineAsync().ConfigureAwait(false);
        await env.Out.WriteLineAsync($"== {title}: tumen {string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a))}").ConfigureAwait(false);
        var code = await CliApp.RunAsync(args, env, ct).ConfigureAwait(false);
        if (code != 0)
        {
            throw new TumenException($"the demo step '{title}' failed (exit {code}).", (ExitCode)code);
        }
    }
}
