using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace VmAddon.Kube.Metrics;

/// <summary>A small Kestrel server for /metrics (Prometheus text from the "vmaddon" Meter), /healthz and /readyz.</summary>
public sealed class MetricsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MeterProvider _meterProvider;

    private MetricsServer(WebApplication app, MeterProvider meterProvider, Uri baseAddress)
    {
        _app = app;
        _meterProvider = meterProvider;
        BaseAddress = baseAddress;
    }

    /// <summary>The address the server listens on, for example http://0.0.0.0:8443/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts serving; <paramref name="isReady"/> decides /readyz (200 or 503), /healthz is 200 while the process serves.</summary>
    public static async Task<MetricsServer> StartAsync(MetricsServerOptions options, Func<bool> isReady, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(isReady);
        options.Validate();
        var meterProvider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(VmAddonMetrics.MeterName)
            .AddPrometheusExporter(o =>
            {
                // Fresh numbers on every scrape, and no otel_scope_name label on every series (there is one Meter).
                o.ScrapeResponseCacheDurationMilliseconds = 0;
                o.ScopeInfoEnabled = false;
            })
            .Build();
        var builder = WebApplication.CreateSlimBuilder();
        // The host owns logging; this server only answers probes and scrapes.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(options.Address, options.Port));
        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider, null, null);
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", () => isReady() ? Results.Text("ok") : Results.Text("not ready", statusCode: StatusCodes.Status503ServiceUnavailable));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            meterProvider.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MetricsServer(app, meterProvider, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _meterProvider.Dispose();
    }
}
