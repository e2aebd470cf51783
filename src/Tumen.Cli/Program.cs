using Tumen.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
Console.OutputEncoding = System.Text.Encoding.UTF8;
return await CliApp.RunAsync(args, CliEnvironment.FromProcess(), cancel.Token).ConfigureAwait(false);
