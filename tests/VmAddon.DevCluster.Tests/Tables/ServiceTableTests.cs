using static VmAddon.DevCluster.Tests.Tables.TableKit;

namespace VmAddon.DevCluster.Tests.Tables;

/// <summary>Service and Endpoints rows; the service cases follow kube's TestPrintService, printed wide as kube-apiserver does.</summary>
public sealed class ServiceTableTests
{
    private static readonly Catalog.ApiResource _services = Resource("", "services");
    private static readonly Catalog.ApiResource _endpoints = Resource("", "endpoints");

    [Fact]
    public void Columns_Are_Those_Of_Kubectl_Get_Services()
    {
        Columns(_services).Should().Be("Name | Type | Cluster-IP | External-IP | Port(s) | Age | Selector*");
    }

    [Fact]
    public void A_ClusterIP_Service_Shows_Ports_With_Protocols_And_Its_Selector()
    {
        Cells(_services, """
            {"metadata":{"name":"svc"},"spec":{"type":"ClusterIP","clusterIP":"10.96.0.10","clusterIPs":["10.96.0.10"],
              "ports":[{"port":53,"protocol":"UDP"},{"port":9153}],"selector":{"k8s-app":"kube-dns","a":"b"}}}
            """).Should().Be("""["svc","ClusterIP","10.96.0.10","<none>","53/UDP,9153/TCP","<unknown>","a=b,k8s-app=kube-dns"]""");
    }

    [Fact]
    public void A_NodePort_Service_Shows_Node_Ports_And_External_IPs()
    {
        Cells(_services, """
            {"metadata":{"name":"np"},"spec":{"type":"NodePort","clusterIP":"10.0.0.1","externalIPs":["1.2.3.4","5.6.7.8"],
              "ports":[{"port":80,"nodePort":30080,"protocol":"TCP"}]}}
            """).Should().Be("""["np","NodePort","10.0.0.1","1.2.3.4,5.6.7.8","80:30080/TCP","<unknown>","<none>"]""");
    }

    [Fact]
    public void A_LoadBalancer_Lists_Every_Ingress_Unclipped_Because_The_Server_Prints_Wide()
    {
        Cells(_services, """
            {"metadata":{"name":"service4"},"spec":{"type":"LoadBalancer","clusterIPs":["1.5.6.7"],
              "ports":[{"port":80,"protocol":"TCP"},{"port":8090,"protocol":"UDP"},{"port":8000,"protocol":"TCP"}],"selector":{"foo":"bar"}},
             "status":{"loadBalancer":{"ingress":[{"ip":"3.4.5.6"},{"ip":"2.3.4.5"},{"ip":"5.6.7.8","hostname":"host5678"}]}}}
            """).Should().Be("""["service4","LoadBalancer","1.5.6.7","2.3.4.5,3.4.5.6,5.6.7.8","80/TCP,8090/UDP,8000/TCP","<unknown>","foo=bar"]""");
    }

    [Theory]
    [InlineData("""{"type":"LoadBalancer"}""", "<none>", "<pending>", "<none>")]
    [InlineData("""{"type":"LoadBalancer","externalIPs":["9.9.9.9"]}""", "<none>", "9.9.9.9", "<none>")]
    [InlineData("""{"type":"ExternalName","externalName":"db.example.com"}""", "<none>", "db.example.com", "<none>")]
    [InlineData("""{"clusterIP":"None"}""", "None", "<none>", "<none>")]
    public void External_IP_Depends_On_The_Service_Type(string spec, string clusterIP, string externalIP, string ports)
    {
        var cells = Cells(_services, $$"""{"metadata":{"name":"s"},"spec":{{spec}}}""");

        cells.Should().Contain($"\"{clusterIP}\",\"{externalIP}\",\"{ports}\"");
    }

    [Fact]
    public void Endpoints_Show_Up_To_Three_Addresses_With_Ports_Then_A_Count()
    {
        Cells(_endpoints, """
            {"metadata":{"name":"ep"},"subsets":[
              {"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"}],"ports":[{"port":80},{"port":443}]},
              {"addresses":[{"ip":"fd00::1"}],"ports":[{"port":8080}]}]}
            """).Should().Be("""["ep","10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 2 more...","<unknown>"]""");
    }

    [Theory]
    [InlineData("""[{"addresses":[{"ip":"fd00::1"}],"ports":[{"port":8080}]}]""", "[fd00::1]:8080")]
    [InlineData("""[{"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"}]}]""", "10.0.0.1,10.0.0.2")]
    [InlineData("[]", "<none>")]
    public void Endpoints_Handle_IPv6_Headless_And_Empty(string subsets, string expected)
    {
        Cells(_endpoints, $$"""{"metadata":{"name":"ep"},"subsets":{{subsets}}}""").Should().Be($"""["ep","{expected}","<unknown>"]""");
    }
}
