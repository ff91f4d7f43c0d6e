using System.Text.Json.Nodes;

namespace VmAddon.Patching.Tests;

/// <summary>Short JSON literals for tests: single quotes stand for double quotes.</summary>
internal static class Json
{
    public static JsonNode? Parse(string text) => JsonNode.Parse(text.Replace('\'', '"'));

    public static JsonObject Object(string text) => (JsonObject)Parse(text)!;

    public static JsonArray Array(string text) => (JsonArray)Parse(text)!;

    public static void ShouldEqualJson(this JsonNode? actual, string expected) =>
        actual?.ToJsonString().Should().Be(Parse(expected)?.ToJsonString());
}
