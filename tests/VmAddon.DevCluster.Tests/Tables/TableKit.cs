using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VmAddon.Api.Schema;
using VmAddon.DevCluster.Catalog;
using VmAddon.DevCluster.Storage;
using VmAddon.DevCluster.Tables;

namespace VmAddon.DevCluster.Tests.Tables;

/// <summary>A converter on a fixed clock, and short ways to see a table's cells as JSON.</summary>
internal static class TableKit
{
    /// <summary>"Now" for every table test; objects state their times relative to it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions _readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TableConverter Converter { get; } = new(new FixedClock(Now));

    public static ApiResource Resource(string group, string plural) =>
        BuiltInResources.All.Single(r => r.Group == group && r.Plural == plural);

    public static ApiResource CustomResource(params PrinterColumn[] columns) => new()
    {
        Type = new ResourceType("vmaddon.io", "v1alpha1", "virtualmachineinstances", "VirtualMachineInstance", Namespaced: true),
        Singular = "virtualmachineinstance",
        PrinterColumns = columns,
    };

    /// <summary>An RFC 3339 time <paramref name="ago"/> before <see cref="Now"/>.</summary>
    public static string Ago(TimeSpan ago) => (Now - ago).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>The cells of the one row the object prints as, in compact JSON with &lt; and &gt; left readable.</summary>
    public static string Cells(ApiResource resource, string objectJson) => Cells(resource, Parse(objectJson));

    public static string Cells(ApiResource resource, JsonObject obj) =>
        Converter.ConvertObject(resource, obj)["rows"]![0]!["cells"]!.ToJsonString(_readable);

    public static string Columns(ApiResource resource) =>
        string.Join(" | ", Converter.ConvertList(resource, [])["columnDefinitions"]!.AsArray()
            .Select(c => (string)c!["name"]! + ((int)c["priority"]! > 0 ? "*" : "")));

    public static string Json(JsonNode? node) => node?.ToJsonString(_readable) ?? "null";
}
