using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace VmAddon.Controller.Hosting;

/// <summary>The generic host around <see cref="ControllerService"/>: single-line logs on stderr, SIGTERM and SIGINT stop it cleanly.</summary>
internal static class ControllerHost
{
    /// <summary>Exit code after leadership was lost: the Deployment restarts the pod as a fresh candidate.</summary>
    public const int LostLeadershipExitCode = 1;

    public static async Task<int> RunAsync(ControllerOptions options, KubernetesClientConfiguration configuration, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ControllerExit>();
        builder.Services.AddHostedService<ControllerService>();
        using var host = builder.Build();
        // RunAsync disposes the host's services, so the exit code is fetched first.
        var exit = host.Services.GetRequiredService<ControllerExit>();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return exit.Code;
    }
}
