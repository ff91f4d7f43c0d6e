using VmAddon.Cli;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels the wait in progress (the command says so and exits 130); a second one kills.
    e.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
};
var streams = new CliStreams(Console.In, Console.Out, Console.Error, ErrorIsTerminal: !Console.IsErrorRedirected);
return await CliApplication.RunAsync(args, streams, interrupt.Token).ConfigureAwait(false);
