using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace VmAddon.DevCluster.Tests.Server;

/// <summary>Lists and watches through KubernetesClient and raw HTTP: selectors, paging, replay from a resourceVersion, 410, bookmarks and timeouts.</summary>
[Collection(Conformance.DevApiServerCollection.Name)]
public sealed class ClientListWatchTests(DevApiServer server)
{
    private readonly Kubernetes _client = server.Client;

    [Theory]
    [InlineData("app=web", "a,b")]
    [InlineData("app==web,tier!=db", "a")]
    [InlineData("app in (web,api)", "a,b,c")]
    [InlineData("tier notin (db)", "a,c")]
    [InlineData("tier", "b")]
    [InlineData("!tier", "a,c")]
    public async Task Label_selectors_select_as_kubernetes_does(string selector, string expected)
    {
        var ns = await SeedAsync();

        var list = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: selector);

        string.Join(",", list.Items.Select(i => i.Metadata.Name).Where(n => n.Length == 1)).Should().Be(expected);
    }

    [Fact]
    public async Task Field_selectors_cover_names_namespaces_pod_fields_and_event_objects()
    {
        var ns = await SeedAsync();
        await _client.CoreV1.CreateNamespacedPodAsync(Pod("p1"), ns);
        var bound = Pod("p2");
        bound.Spec.NodeName = "node-a";
        await _client.CoreV1.CreateNamespacedPodAsync(bound, ns);
        await _client.CoreV1.CreateNamespacedEventAsync(new Corev1Event
        {
            Metadata = new V1ObjectMeta { Name = "e1" },
            InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "p1", NamespaceProperty = ns },
            Reason = "Tested",
        }, ns);

        var byName = await _client.CoreV1.ListConfigMapForAllNamespacesAsync(fieldSelector: $"metadata.name=b,metadata.namespace={ns}");
        var onNode = await _client.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: "spec.nodeName=node-a");
        var unbound = await _client.CoreV1.ListNamespacedPodAsync(ns, fieldSelector: "spec.nodeName=,status.phase=Pending");
        var events = await _client.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: "involvedObject.kind=Pod,involvedObject.name=p1");
        var unsupported = () => _client.CoreV1.ListNamespacedConfigMapAsync(ns, fieldSelector: "data.key=x");

        byName.Items.Select(i => i.Metadata.Name).Should().Equal("b");
        onNode.Items.Select(i => i.Metadata.Name).Should().Equal("p2");
        unbound.Items.Select(i => i.Metadata.Name).Should().Equal("p1");
        events.Items.Select(i => i.Metadata.Name).Should().Equal("e1");
        var error = (await unsupported.Should().ThrowAsync<HttpOperationException>()).Which;
        error.Response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        ClientWriteTests.Status(error).Message.Should().Be("field label not supported: data.key");
    }

    [Fact]
    public async Task Limit_and_continue_page_through_everything_once()
    {
        var ns = await server.NewNamespaceAsync();
        for (var i = 0; i < 25; i++)
        {
            await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"cm-{i:D2}" } }, ns);
        }

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, limit: 10, continueParameter: token);
            names.AddRange(page.Items.Select(i => i.Metadata.Name));
            token = page.Metadata.ContinueProperty;
            pages++;
            await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { GenerateName = "zz-late-" } }, ns);
        }
        while (!string.IsNullOrEmpty(token));

        pages.Should().Be(3);
        names.Should().Equal(Enumerable.Range(0, 25).Select(i => $"cm-{i:D2}"), "later pages show the list as it was at the first page");
    }

    [Fact]
    public async Task A_watch_from_a_resource_version_replays_what_happened_since_in_order()
    {
        var ns = await server.NewNamespaceAsync();
        var start = (await _client.CoreV1.ListNamespacedConfigMapAsync(ns)).Metadata.ResourceVersion;
        await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } }, ns);
        await _client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"k\":\"v\"}}", V1Patch.PatchType.MergePatch), "a", ns);
        await _client.CoreV1.DeleteNamespacedConfigMapAsync("a", ns);

        var events = new List<(WatchEventType Type, string Data, string Version)>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var (type, item) in _client.CoreV1.WatchListNamespacedConfigMapAsync(ns, resourceVersion: start, cancellationToken: cancel.Token))
        {
            events.Add((type, (item.Data is { } data && data.TryGetValue("k", out var k) ? k : ""), item.Metadata.ResourceVersion));
            if (events.Count == 3)
            {
                break;
            }
        }

        events.Select(e => e.Type).Should().Equal(WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted);
        events.Select(e => long.Parse(e.Version)).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        events[1].Data.Should().Be("v");
    }

    [Fact]
    public async Task A_watch_from_a_compacted_resource_version_gets_410_expired_in_the_stream()
    {
        var lines = await RawWatchAsync("api/v1/configmaps?watch=true&resourceVersion=1&timeoutSeconds=5", expectedLines: 1, historyLimit: 2);

        var error = lines.Single();
        error["type"]!.GetValue<string>().Should().Be("ERROR");
        error["object"]!["code"]!.GetValue<int>().Should().Be(410);
        error["object"]!["reason"]!.GetValue<string>().Should().Be("Expired");
    }

    [Fact]
    public async Task Bookmarks_arrive_when_allowed_and_timeout_seconds_ends_the_stream()
    {
        var ns = await server.NewNamespaceAsync();
        var version = (await _client.CoreV1.ListNamespacedConfigMapAsync(ns)).Metadata.ResourceVersion;

        var lines = await RawWatchAsync($"api/v1/namespaces/{ns}/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion={version}&timeoutSeconds=3", expectedLines: null);

        lines.Should().NotBeEmpty().And.OnlyContain(l => l["type"]!.GetValue<string>() == "BOOKMARK");
        lines[0]["object"]!["kind"]!.GetValue<string>().Should().Be("ConfigMap");
        long.Parse(lines[0]["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>()).Should().BeGreaterThanOrEqualTo(long.Parse(version));
    }

    // Reads a watch response line by line until it ends (timeoutSeconds) or has the expected number of lines.
    private async Task<List<JsonNode>> RawWatchAsync(string path, int? expectedLines, int? historyLimit = null)
    {
        await using var own = historyLimit is null ? null : await Http.ApiServer.StartAsync(new Http.ApiServerOptions { HistoryLimit = historyLimit.Value });
        if (own is not null)
        {
            for (var i = 0; i < 10; i++)
            {
                await own.Registry.CreateAsync(Catalog.BuiltInResources.All.Single(r => r.Plural == "configmaps"), "default",
                    new JsonObject { ["metadata"] = new JsonObject { ["name"] = $"cm{i}" } }, Registry.WriteOptions.Default, CancellationToken.None);
            }
        }

        using var http = new HttpClient { BaseAddress = (own ?? server.Server).BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var lines = new List<JsonNode>();
        while (await reader.ReadLineAsync() is { } line && (expectedLines is null || lines.Count < expectedLines))
        {
            lines.Add(JsonNode.Parse(line)!);
        }

        return lines;
    }

    private async Task<string> SeedAsync()
    {
        var ns = await server.NewNamespaceAsync();
        foreach (var (name, labels) in new[]
        {
            ("a", new Dictionary<string, string> { ["app"] = "web" }),
            ("b", new Dictionary<string, string> { ["app"] = "web", ["tier"] = "db" }),
            ("c", new Dictionary<string, string> { ["app"] = "api" }),
        })
        {
            await _client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = labels } }, ns);
        }

        return ns;
    }

    private static V1Pod Pod(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "busybox" }] },
    };
}
