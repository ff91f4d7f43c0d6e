using System.Globalization;
using System.Text.RegularExpressions;
using VmAddon.DevCluster.Http;

namespace VmAddon.Controller.Tests.Support;

/// <summary>The API server's write requests by resource and outcome, read from its request counter.</summary>
internal static partial class ApiWrites
{
    /// <summary>Writes that succeeded (2xx), of every resource but <paramref name="except"/>.</summary>
    public static long Succeeded(RequestCounter requests, params string[] except) => Lines(requests)
        .Where(l => l.Code.StartsWith('2') && !except.Contains(l.Resource))
        .Sum(l => l.Count);

    /// <summary>The write lines, for a failure message.</summary>
    public static string Describe(RequestCounter requests) =>
        string.Join("\n", Lines(requests).Select(l => $"{l.Verb} {l.Resource}/{l.Subresource} {l.Code}: {l.Count}"));

    private static IEnumerable<(string Verb, string Resource, string Subresource, string Code, long Count)> Lines(RequestCounter requests) =>
        Line().Matches(requests.Prometheus())
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value, long.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture)))
            .Where(l => l.Item1 is "create" or "update" or "patch" or "delete" or "deletecollection");

    [GeneratedRegex("""verb="([^"]*)",group="[^"]*",resource="([^"]*)",subresource="([^"]*)",code="([^"]*)"\} (\d+)""")]
    private static partial Regex Line();
}
