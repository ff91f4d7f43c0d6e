using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VmAddon.DevCluster.Catalog;
using VmAddon.DevCluster.Registry;
using VmAddon.DevCluster.Watch;

namespace VmAddon.DevCluster.Http;

/// <summary>Streams a watch as kube-apiserver does: HTTP 200, chunked JSON, one <c>{"type":...,"object":...}</c> event per line.</summary>
/// <param name="registry">The registry the watch is opened on.</param>
/// <param name="maxTimeout">The longest a watch stays open without a timeoutSeconds (kube-apiserver: 30 to 60 minutes).</param>
/// <param name="tables">Prints events as Tables when kubectl get -w asks for them.</param>
/// <param name="serverStopping">Ends every watch when the server stops, as kube-apiserver closes them, so shutdown does not wait for clients.</param>
internal sealed class WatchStreamer(ResourceRegistry registry, TimeSpan maxTimeout, ITableRenderer tables, CancellationToken serverStopping)
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public async Task StreamAsync(HttpContext context, ApiResource resource, WatchOptions options, long? timeoutSeconds)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        timeout.CancelAfter(timeoutSeconds is > 0 ? TimeSpan.FromSeconds(timeoutSeconds.Value) : maxTimeout);
        WatchSubscription subscription;
        try
        {
            subscription = await registry.WatchAsync(resource, options, context.RequestAborted).ConfigureAwait(false);
        }
        catch (ApiException e) when (e.Code == 410)
        {
            // A too-old resourceVersion is answered inside the stream, as the watch cache does, so reflectors relist.
            await StartAsync(context).ConfigureAwait(false);
            await WriteEventAsync(context, "ERROR", e.ToStatus(), CancellationToken.None).ConfigureAwait(false);
            return;
        }

        using (subscription)
        {
            var asTable = tables.Wants(context.Request);
            var first = true;
            await StartAsync(context).ConfigureAwait(false);
            try
            {
                await foreach (var watchEvent in subscription.Events.ReadAllAsync(timeout.Token).ConfigureAwait(false))
                {
                    var obj = watchEvent.Type switch
                    {
                        WatchEventType.Error => watchEvent.Object,
                        WatchEventType.Bookmark => Bookmark(resource, watchEvent.Object),
                        _ when asTable => tables.RenderWatchEvent(context.Request, resource, ResourceRegistry.Present(resource, watchEvent.Object), first),
                        _ => ResourceRegistry.Present(resource, watchEvent.Object),
                    };
                    first &= watchEvent.Type is WatchEventType.Error or WatchEventType.Bookmark;
                    await WriteEventAsync(context, watchEvent.WireType, obj, timeout.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                // timeoutSeconds passed or the client went away: the stream ends cleanly, as kube-apiserver ends it.
            }
        }
    }

    // A bookmark names the watched kind at the version the client asked for, whatever the storage holds.
    private static JsonObject Bookmark(ApiResource resource, JsonObject bookmark)
    {
        bookmark["kind"] = resource.Kind;
        bookmark["apiVersion"] = resource.ApiVersion;
        return bookmark;
    }

    private static async Task StartAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-cache, private";
        await context.Response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteEventAsync(HttpContext context, string type, JsonObject obj, CancellationToken cancellationToken)
    {
        var body = context.Response.Body;
        await using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            obj.WriteTo(writer);
            writer.WriteEndObject();
        }

        await body.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        await body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
