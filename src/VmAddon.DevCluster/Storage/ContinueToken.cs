using System.Text;
using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Storage;

/// <summary>kube-apiserver's continue token: base64 of {"v","rv","start"}, where start is the key after the last one returned.</summary>
internal sealed record ContinueToken(long ResourceVersion, string LastKey)
{
    public string Encode()
    {
        var json = new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = ResourceVersion, ["start"] = LastKey + "\0" };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    public static ContinueToken Decode(string token)
    {
        try
        {
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)))!.AsObject();
            if ((string?)json["v"] != "meta.k8s.io/v1")
            {
                throw StoreException.BadRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
            }

            var start = (string)json["start"]!;
            var rv = (long)json["rv"]!;
            if (rv < 1 || !start.EndsWith('\0'))
            {
                throw StoreException.BadRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
            }

            return new ContinueToken(rv, start[..^1]);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or System.Text.Json.JsonException or NullReferenceException)
        {
            throw StoreException.BadRequest($"continue key is not valid: {e.Message}");
        }
    }
}
