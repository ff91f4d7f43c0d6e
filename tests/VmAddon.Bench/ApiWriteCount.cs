using System.Globalization;
using System.Text.RegularExpressions;

namespace VmAddon.Bench;

/// <summary>
/// The dev API server's write counts (apiserver_request_total on its /metrics), split into what VmAddon's controller
/// and agents write for VMs (vmaddon.io objects and launcher pod creates) and the rest (kubelet pod status, scheduler
/// bindings, leases, node heartbeats, events), so a VM start's cost can be read off a difference.
/// </summary>
internal sealed partial record ApiWriteCount(long VmAddonObjects, long PodCreates, long Events)
{
    public long VmStart => VmAddonObjects + PodCreates;

    public static async Task<ApiWriteCount> ReadAsync(HttpClient client, Uri server)
    {
        var text = await client.GetStringAsync(new Uri(server, "metrics"));
        long objects = 0, pods = 0, events = 0;
        foreach (Match m in Line().Matches(text))
        {
            var (verb, group, resource, subresource) = (m.Groups["verb"].Value, m.Groups["group"].Value, m.Groups["resource"].Value, m.Groups["sub"].Value);
            if (verb is not ("create" or "update" or "patch" or "delete"))
            {
                continue;
            }

            var count = long.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture);
            if (group == "vmaddon.io")
            {
                objects += count;
            }
            else if (resource == "pods" && subresource == "" && verb == "create")
            {
                pods += count;
            }
            else if (resource == "events")
            {
                events += count;
            }
        }

        return new ApiWriteCount(objects, pods, events);
    }

    public static ApiWriteCount operator -(ApiWriteCount after, ApiWriteCount before) =>
        new(after.VmAddonObjects - before.VmAddonObjects, after.PodCreates - before.PodCreates, after.Events - before.Events);

    [GeneratedRegex("""apiserver_request_total\{verb="(?<verb>[^"]*)",group="(?<group>[^"]*)",resource="(?<resource>[^"]*)",subresource="(?<sub>[^"]*)",code="2\d\d"\} (?<count>\d+)""")]
    private static partial Regex Line();
}
