using VmAddon.Cli;

return await CliApplication.RunAsync(args, new CliStreams(Console.In, Console.Out, Console.Error), CancellationToken.None).ConfigureAwait(false);
