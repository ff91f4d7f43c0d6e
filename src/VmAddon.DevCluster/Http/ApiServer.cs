using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VmAddon.DevCluster.Catalog;
using VmAddon.DevCluster.Controllers;
using VmAddon.DevCluster.OpenApi;
using VmAddon.DevCluster.Registry;
using VmAddon.DevCluster.Storage;

namespace VmAddon.DevCluster.Http;

/// <summary>The dev API server: Kestrel on loopback in front of the catalog, the registry and the built-in controllers (CRDs, namespaces, garbage collection).</summary>
public sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ILogger _log;
    private readonly ResourceEndpoint _resources;
    private readonly OpenApiDocuments _openApi;
    private readonly ControllerSet _controllers;

    private ApiServer(WebApplication app, ObjectStore store, ResourceCatalog catalog, ApiServerOptions options)
    {
        _app = app;
        Store = store;
        Catalog = catalog;
        Registry = new ResourceRegistry(store, options.Time);
        _log = app.Logger;
        var tables = new TableRenderer(options.Time);
        _resources = new ResourceEndpoint(catalog, Registry, new WatchStreamer(Registry, options.MaxWatchTimeout, tables, app.Lifetime.ApplicationStopping), tables);
        _openApi = new OpenApiDocuments(catalog);
        _controllers = new ControllerSet(Registry, catalog, options, app.Services.GetRequiredService<ILoggerFactory>());
        app.Use(LogRequestAsync);
        app.Run(DispatchAsync);
    }

    public ObjectStore Store { get; }

    public ResourceCatalog Catalog { get; }

    public ResourceRegistry Registry { get; }

    /// <summary>Requests served so far, by verb and resource (also on /metrics).</summary>
    public RequestCounter Requests { get; } = new();

    /// <summary>The URL clients use, such as http://127.0.0.1:34567.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts listening, after the built-in namespaces exist and stored CRDs are served again.</summary>
    public static async Task<ApiServer> StartAsync(ApiServerOptions options, Action<ILoggingBuilder>? logging = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(options.Listen));
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        var app = builder.Build();
        var catalog = new ResourceCatalog(BuiltInResources.All);
        ObjectStore? store = null;
        store = new ObjectStore(
            new ObjectStoreOptions { DataDirectory = options.DataDirectory, HistoryLimit = options.HistoryLimit },
            options.Time,
            async (ns, ct) => await NamespaceExistsAsync(store!, ns, ct).ConfigureAwait(false));
        var server = new ApiServer(app, store, catalog, options);
        await server._controllers.StartAsync(cancellationToken).ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Completes when the host stops (SIGINT, SIGTERM, or <see cref="DisposeAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _controllers.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Store.Dispose();
    }

    private static async Task<bool> NamespaceExistsAsync(ObjectStore store, string ns, CancellationToken ct)
    {
        try
        {
            await store.GetAsync(BuiltInResources.Namespaces.Type, null, ns, ct).ConfigureAwait(false);
            return true;
        }
        catch (StoreException e) when (e.Reason == StoreErrorReason.NotFound)
        {
            return false;
        }
    }

    // One structured line per request at debug level: verb, path, query, status and duration.
    private async Task LogRequestAsync(HttpContext context, RequestDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            if (RequestTarget.Parse(context.Request.Path.Value ?? "/") is { } target)
            {
                Requests.Record(context.Request.Method, target, context.Request.Query["watch"] is ["1" or "true"], context.Response.StatusCode);
            }

            if (_log.IsEnabled(LogLevel.Debug))
            {
                _log.LogDebug("request verb={Verb} path={Path} query={Query} status={Status} durationMs={DurationMs:F1} userAgent={UserAgent}",
                    context.Request.Method, context.Request.Path.Value, context.Request.QueryString.Value, context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.Request.Headers.UserAgent.ToString());
            }
        }
    }

    private async Task DispatchAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        try
        {
            if (Document(path, context) is { } document)
            {
                if (path.StartsWith("/openapi/v3/", StringComparison.Ordinal) && _openApi.V3Hash(path["/openapi/v3/".Length..]) is { } hash)
                {
                    context.Response.Headers.ETag = $"\"{hash}\"";
                    context.Response.Headers.CacheControl = context.Request.Query.ContainsKey("hash") ? "public, immutable" : "no-cache, private";
                }

                await JsonResponses.WriteAsync(context, 200, document).ConfigureAwait(false);
            }
            else if (path == "/metrics")
            {
                context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
                await context.Response.WriteAsync(Requests.Prometheus(), context.RequestAborted).ConfigureAwait(false);
            }
            else if (path is "/healthz" or "/readyz" or "/livez")
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("ok", context.RequestAborted).ConfigureAwait(false);
            }
            else if (RequestTarget.Parse(path) is { } target)
            {
                await _resources.HandleAsync(context, target).ConfigureAwait(false);
            }
            else
            {
                throw ApiException.NotFoundPath();
            }
        }
        catch (ApiException e) when (!context.Response.HasStarted)
        {
            await JsonResponses.WriteErrorAsync(context, e).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OutOfMemoryException)
        {
            _log.LogError(e, "request {Verb} {Path} failed", context.Request.Method, path);
            await JsonResponses.WriteErrorAsync(context, new ApiException(500, "InternalError", $"Internal error occurred: {e.Message}")).ConfigureAwait(false);
        }
    }

    private JsonNode? Document(string path, HttpContext context)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["version"] => DiscoveryDocuments.Version(),
            ["api"] => DiscoveryDocuments.CoreVersions($"{context.Request.Host}"),
            ["api", var version] => DiscoveryDocuments.Resources(Catalog, "", version) ?? throw ApiException.NotFoundPath(),
            ["apis"] => DiscoveryDocuments.Groups(Catalog),
            ["apis", var group] => Catalog.Groups().FirstOrDefault(g => g.Group == group) is { Group: not null } found && found.Versions is not null
                ? DiscoveryDocuments.Group(found.Group, found.Versions)
                : throw ApiException.NotFoundPath(),
            ["apis", var group, var version] => DiscoveryDocuments.Resources(Catalog, group, version) ?? throw ApiException.NotFoundPath(),
            // JSON even to kubectl's protobuf-only request: it then skips client-side validation and reports an unknown kind
            // as "no matches for kind", where a 406 would stop it with a content-type error instead.
            ["openapi", "v2"] => _openApi.V2(),
            ["openapi", "v3"] => _openApi.V3Index(),
            ["openapi", "v3", .. var rest] => _openApi.V3GroupVersion(string.Join('/', rest)) ?? throw ApiException.NotFoundPath(),
            _ => null,
        };
    }
}
