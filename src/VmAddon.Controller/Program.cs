using VmAddon.Controller.Hosting;

return await ControllerCommand.RunAsync(args, Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false);
