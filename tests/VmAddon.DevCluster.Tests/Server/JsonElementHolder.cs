using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmAddon.DevCluster.Tests.Server;

/// <summary>Receives a custom resource from KubernetesClient's generic calls as raw JSON.</summary>
[JsonConverter(typeof(Converter))]
public sealed class JsonElementHolder
{
    public JsonElement Value { get; init; }

    private sealed class Converter : JsonConverter<JsonElementHolder>
    {
        public override JsonElementHolder Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new() { Value = JsonElement.ParseValue(ref reader) };

        public override void Write(Utf8JsonWriter writer, JsonElementHolder value, JsonSerializerOptions options) => value.Value.WriteTo(writer);
    }
}
