using System.Text.Json.Nodes;
using VmAddon.DevCluster.Catalog;
using VmAddon.DevCluster.OpenApi;
using static VmAddon.DevCluster.Tests.OpenApi.OpenApiCatalogs;

namespace VmAddon.DevCluster.Tests.OpenApi;

public sealed class OpenApiIndexTests
{
    [Fact]
    public void Index_Lists_Every_Served_Group_Version_And_The_Roots_With_Hashed_Urls()
    {
        var documents = new OpenApiDocuments(WithVirtualMachines());

        var paths = documents.V3Index()["paths"]!.AsObject();

        paths.Select(p => p.Key).Should().BeEquivalentTo(
            "api", "api/v1", "apis",
            "apis/apiextensions.k8s.io", "apis/apiextensions.k8s.io/v1",
            "apis/coordination.k8s.io", "apis/coordination.k8s.io/v1",
            "apis/events.k8s.io", "apis/events.k8s.io/v1",
            "apis/vmaddon.io", "apis/vmaddon.io/v1");
        foreach (var (path, entry) in paths)
        {
            var hash = documents.V3Hash(path);
            hash.Should().MatchRegex("^[0-9A-F]{128}$");
            ((string)entry!["serverRelativeURL"]!).Should().Be($"/openapi/v3/{path}?hash={hash}");
        }
    }

    [Fact]
    public void Adding_A_Crd_Version_Changes_The_Hash_Of_Its_Group_Version_Only()
    {
        var catalog = WithVirtualMachines();
        var documents = new OpenApiDocuments(catalog);
        var before = documents.V3Index()["paths"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!["serverRelativeURL"]!);

        catalog.Replace("vmaddon.io", "virtualmachines", [VirtualMachines("v1"), VirtualMachines("v1alpha3")]);
        var after = documents.V3Index()["paths"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!["serverRelativeURL"]!);

        after["apis/vmaddon.io/v1alpha3"].Should().StartWith("/openapi/v3/apis/vmaddon.io/v1alpha3?hash=");
        after["api/v1"].Should().Be(before["api/v1"]);
        after["apis/vmaddon.io/v1"].Should().Be(before["apis/vmaddon.io/v1"], "the v1 document did not change");
        documents.V3GroupVersion("apis/vmaddon.io/v1alpha3")!["components"]!["schemas"]!["io.vmaddon.v1alpha3.VirtualMachine"].Should().NotBeNull();
    }

    [Fact]
    public void Removing_A_Crd_Drops_Its_Document_And_Changes_The_Group_Version_Hash()
    {
        var catalog = WithVirtualMachines();
        var documents = new OpenApiDocuments(catalog);
        var before = documents.V3Hash("apis/vmaddon.io/v1");

        catalog.Replace("vmaddon.io", "virtualmachinepools", []);

        documents.V3Hash("apis/vmaddon.io/v1").Should().NotBe(before);
        documents.V3GroupVersion("apis/vmaddon.io/v1")!["paths"]!.AsObject()
            .Should().NotContain(p => p.Key.Contains("virtualmachinepools", StringComparison.Ordinal));
        catalog.Replace("vmaddon.io", "virtualmachines", []);
        documents.V3GroupVersion("apis/vmaddon.io/v1").Should().BeNull();
        documents.V3Index()["paths"]!.AsObject().Should().NotContainKey("apis/vmaddon.io");
    }

    [Fact]
    public void Documents_Are_Found_By_Index_Url_Or_Bare_Path_And_Unknown_Paths_Give_Null()
    {
        var documents = new OpenApiDocuments(new ResourceCatalog(BuiltInResources.All));

        documents.V3GroupVersion("/openapi/v3/api/v1?hash=ABC").Should().NotBeNull();
        documents.V3GroupVersion("api/v1/").Should().NotBeNull();
        documents.V3GroupVersion("apis/apps/v1").Should().BeNull();
        documents.V3Hash("apis/apps/v1").Should().BeNull();
        documents.V3GroupVersionUtf8("apis/apps/v1").Should().BeNull();
    }

    [Fact]
    public void The_Hash_Is_Over_The_Served_Bytes_And_Equal_Catalogs_Give_Equal_Hashes()
    {
        var one = new OpenApiDocuments(WithVirtualMachines());
        var two = new OpenApiDocuments(WithVirtualMachines());

        var bytes = one.V3GroupVersionUtf8("apis/vmaddon.io/v1")!.Value;

        Convert.ToHexString(System.Security.Cryptography.SHA512.HashData(bytes.Span)).Should().Be(one.V3Hash("apis/vmaddon.io/v1"));
        JsonNode.Parse(bytes.Span).Should().BeOfType<JsonObject>();
        two.V3Hash("api/v1").Should().Be(one.V3Hash("api/v1"));
        two.V3Hash("apis/vmaddon.io/v1").Should().Be(one.V3Hash("apis/vmaddon.io/v1"));
    }

    [Fact]
    public void Returned_Documents_Are_Copies()
    {
        var documents = new OpenApiDocuments(WithVirtualMachines());

        documents.V3GroupVersion("api/v1")!["paths"]!.AsObject().Clear();
        documents.V3Index()["paths"]!.AsObject().Clear();
        documents.V2()["definitions"]!.AsObject().Clear();

        documents.V3GroupVersion("api/v1")!["paths"]!.AsObject().Should().NotBeEmpty();
        documents.V3Index()["paths"]!.AsObject().Should().NotBeEmpty();
        documents.V2()["definitions"]!.AsObject().Should().NotBeEmpty();
    }

    [Fact]
    public void Root_Documents_Describe_Discovery()
    {
        var documents = new OpenApiDocuments(WithVirtualMachines());

        documents.V3GroupVersion("api")!["paths"]!["/api/"]!["get"]!["operationId"]!.GetValue<string>().Should().Be("getCoreAPIVersions");
        documents.V3GroupVersion("apis")!["paths"]!["/apis/"]!["get"].Should().NotBeNull();
        documents.V3GroupVersion("apis/vmaddon.io")!["paths"]!["/apis/vmaddon.io/"]!["get"]!["operationId"]!.GetValue<string>()
            .Should().Be("getVmaddonIoAPIGroup");
        documents.V3GroupVersion("apis/vmaddon.io")!["components"]!["schemas"]!["io.k8s.apimachinery.pkg.apis.meta.v1.APIGroup"].Should().NotBeNull();
    }
}
