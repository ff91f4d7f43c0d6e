using static VmAddon.DevCluster.Tests.Tables.TableKit;

namespace VmAddon.DevCluster.Tests.Tables;

/// <summary>Namespaces, ConfigMaps, Secrets, ServiceAccounts, Leases and the default convertor (CustomResourceDefinitions).</summary>
public sealed class SmallTableTests
{
    private static readonly string _created = Ago(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(7));

    [Theory]
    [InlineData("", "namespaces", "Name | Status | Age")]
    [InlineData("", "configmaps", "Name | Data | Age")]
    [InlineData("", "secrets", "Name | Type | Data | Age")]
    [InlineData("", "serviceaccounts", "Name | Secrets | Age")]
    [InlineData("coordination.k8s.io", "leases", "Name | Holder | Age")]
    [InlineData("apiextensions.k8s.io", "customresourcedefinitions", "Name | Created At")]
    public void Columns_Are_Those_Kube_Apiserver_Prints(string group, string plural, string columns)
    {
        Columns(Resource(group, plural)).Should().Be(columns);
    }

    [Fact]
    public void A_Namespace_Shows_Its_Phase()
    {
        Cells(Resource("", "namespaces"), $$$"""{"metadata":{"name":"default","creationTimestamp":"{{{_created}}}"},"status":{"phase":"Active"}}""")
            .Should().Be("""["default","Active","5h7m"]""");
    }

    [Fact]
    public void A_ConfigMap_Counts_Data_And_Binary_Data_Keys_As_An_Integer()
    {
        Cells(Resource("", "configmaps"), $$$"""{"metadata":{"name":"cm","creationTimestamp":"{{{_created}}}"},"data":{"a":"1","b":"2"},"binaryData":{"c":"AA=="}}""")
            .Should().Be("""["cm",3,"5h7m"]""");
    }

    [Theory]
    [InlineData("""{"type":"kubernetes.io/tls","data":{"tls.crt":"", "tls.key":""}}""", "kubernetes.io/tls", 2)]
    [InlineData("""{}""", "Opaque", 0)]
    public void A_Secret_Shows_Its_Type_And_Key_Count(string body, string type, int keys)
    {
        var secret = Parse(body);
        secret["metadata"] = Parse($$"""{"name":"s","creationTimestamp":"{{_created}}"}""");

        Cells(Resource("", "secrets"), secret).Should().Be($$"""["s","{{type}}",{{keys}},"5h7m"]""");
    }

    [Fact]
    public void A_ServiceAccount_Counts_Its_Secrets()
    {
        Cells(Resource("", "serviceaccounts"), """{"metadata":{"name":"default"},"secrets":[{"name":"a"}]}""")
            .Should().Be("""["default",1,"<unknown>"]""");
    }

    [Theory]
    [InlineData("""{"holderIdentity":"vmaddon-controller-7d9f_0b1c"}""", "vmaddon-controller-7d9f_0b1c")]
    [InlineData("{}", "")]
    public void A_Lease_Shows_Its_Holder(string spec, string holder)
    {
        Cells(Resource("coordination.k8s.io", "leases"), $$"""{"metadata":{"name":"vmaddon-controller"},"spec":{{spec}}}""")
            .Should().Be($"""["vmaddon-controller","{holder}","<unknown>"]""");
    }

    [Fact]
    public void A_Resource_Without_A_Printer_Shows_Its_Creation_Time_In_RFC3339()
    {
        var crds = Resource("apiextensions.k8s.io", "customresourcedefinitions");

        Cells(crds, """{"metadata":{"name":"virtualmachines.vmaddon.io","creationTimestamp":"2026-01-02T03:04:05Z"}}""")
            .Should().Be("""["virtualmachines.vmaddon.io","2026-01-02T03:04:05Z"]""");
        Cells(crds, """{"metadata":{"name":"x"}}""").Should().Be("""["x","0001-01-01T00:00:00Z"]""");
    }

    [Fact]
    public void The_Default_Convertor_Gives_Null_Rows_For_An_Empty_List_Where_Printers_Give_An_Empty_Array()
    {
        Converter.ConvertList(Resource("apiextensions.k8s.io", "customresourcedefinitions"), [])["rows"].Should().BeNull();
        Json(Converter.ConvertList(Resource("", "pods"), [])["rows"]).Should().Be("[]");
    }
}
