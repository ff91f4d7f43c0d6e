using System.Text;
using System.Text.Json.Nodes;
using VmAddon.DevCluster.Protobuf.Schemas;

namespace VmAddon.DevCluster.Protobuf;

/// <summary>
/// Decodes request bodies sent as <c>application/vnd.kubernetes.protobuf</c> (kubectl's generators, client-go
/// typed clients) into the JSON object kube-apiserver would see for the same request.
/// </summary>
public static class KubeProtobuf
{
    /// <summary>The media type of Kubernetes protobuf bodies.</summary>
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    // Every Kubernetes protobuf body starts with "k8s\0", then a runtime.Unknown message.
    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    /// <summary>True when a Content-Type header names Kubernetes protobuf, whatever its parameters.</summary>
    public static bool IsProtobuf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var separator = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = separator < 0 ? contentType : contentType[..separator];
        return mediaType.Trim().Equals(MediaType, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Decodes a protobuf body into a JSON object that carries apiVersion and kind.
    /// Throws <see cref="InvalidProtobufBodyException"/> for malformed bytes and
    /// <see cref="UnsupportedProtobufBodyException"/> for kinds or fields the decoder has no schema for.
    /// </summary>
    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw new InvalidProtobufBodyException("it does not start with the \"k8s\\0\" prefix");
        }

        var envelope = body[Magic.Length..];
        var unknown = ReadUnknown(envelope);
        if (unknown.ContentEncoding.Length > 0)
        {
            throw new InvalidProtobufBodyException($"content encoding \"{unknown.ContentEncoding}\" is not supported");
        }

        if (unknown.ContentType.Length > 0 && !IsProtobuf(unknown.ContentType))
        {
            throw new InvalidProtobufBodyException($"the envelope carries content type \"{unknown.ContentType}\"");
        }

        if (unknown.ApiVersion.Length == 0 || unknown.Kind.Length == 0)
        {
            throw new InvalidProtobufBodyException("the envelope does not name the object's apiVersion and kind");
        }

        var schema = KindCatalog.Find(unknown.ApiVersion, unknown.Kind)
            ?? throw new UnsupportedProtobufBodyException(unknown.ApiVersion, unknown.Kind);
        return new MessageDecoder(unknown.ApiVersion, unknown.Kind).DecodeObject(envelope[unknown.Raw], schema);
    }

    // runtime.Unknown: typeMeta = 1 {apiVersion = 1, kind = 2}, raw = 2, contentEncoding = 3, contentType = 4.
    private static RuntimeUnknown ReadUnknown(ReadOnlySpan<byte> envelope)
    {
        string apiVersion = string.Empty, kind = string.Empty, contentEncoding = string.Empty, contentType = string.Empty;
        Range raw = 0..0;
        var reader = new WireReader(envelope);
        while (!reader.End)
        {
            var (number, wire) = reader.ReadKey();
            if (wire != WireType.LengthDelimited)
            {
                reader.Skip(wire);
                continue;
            }

            switch (number)
            {
                case 1:
                    (apiVersion, kind) = ReadTypeMeta(reader.ReadLengthDelimited());
                    break;
                case 2:
                    raw = reader.ReadLengthDelimitedRange();
                    break;
                case 3:
                    contentEncoding = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                case 4:
                    contentType = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new RuntimeUnknown(apiVersion, kind, raw, contentEncoding, contentType);
    }

    private static (string ApiVersion, string Kind) ReadTypeMeta(ReadOnlySpan<byte> typeMeta)
    {
        string apiVersion = string.Empty, kind = string.Empty;
        var reader = new WireReader(typeMeta);
        while (!reader.End)
        {
            var (number, wire) = reader.ReadKey();
            if (wire == WireType.LengthDelimited && number is 1 or 2)
            {
                var text = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                if (number == 1)
                {
                    apiVersion = text;
                }
                else
                {
                    kind = text;
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return (apiVersion, kind);
    }

    private readonly record struct RuntimeUnknown(string ApiVersion, string Kind, Range Raw, string ContentEncoding, string ContentType);
}
