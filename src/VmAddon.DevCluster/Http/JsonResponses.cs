using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VmAddon.DevCluster.Protobuf;
using VmAddon.DevCluster.Registry;

namespace VmAddon.DevCluster.Http;

/// <summary>Writes JSON bodies and Status errors as kube-apiserver does.</summary>
internal static class JsonResponses
{
    public static async Task WriteAsync(HttpContext context, int code, JsonNode body, IEnumerable<string>? warnings = null)
    {
        foreach (var warning in warnings ?? [])
        {
            // RFC 7234 warning headers, as kube-apiserver sends them and kubectl prints them ("Warning: ...").
            context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }

        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        body.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    public static Task WriteErrorAsync(HttpContext context, ApiException error) => WriteAsync(context, error.Code, error.ToStatus());

    /// <summary>A Status of success, as a delete that removed the object answers.</summary>
    public static JsonObject Success(JsonObject deleted, string group, string plural) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = new JsonObject
        {
            ["name"] = deleted["metadata"]?["name"]?.DeepClone(),
            ["group"] = group,
            ["kind"] = plural,
            ["uid"] = deleted["metadata"]?["uid"]?.DeepClone(),
        },
    };

    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request, bool required)
    {
        if (KubeProtobuf.IsProtobuf(request.ContentType))
        {
            // kubectl 1.32's generators (create configmap, secret, namespace, ...) send built-ins as protobuf.
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
            try
            {
                return KubeProtobuf.Decode(buffer.ToArray());
            }
            catch (UnsupportedProtobufBodyException e)
            {
                throw ApiException.UnsupportedMediaType(e.Message);
            }
            catch (InvalidProtobufBodyException e)
            {
                throw ApiException.BadRequest($"the protobuf request body could not be decoded: {e.Message}");
            }
        }

        var text = await ReadTextAsync(request).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? throw ApiException.BadRequest("the request body is empty; send a JSON object") : null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw ApiException.BadRequest("the request body must be a JSON object");
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"couldn't get version/kind; json parse error: {e.Message}");
        }
    }

    public static async Task<string> ReadTextAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
