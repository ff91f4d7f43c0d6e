using static VmAddon.DevCluster.Tests.Tables.TableKit;

namespace VmAddon.DevCluster.Tests.Tables;

public sealed class NodeTableTests
{
    private static readonly Catalog.ApiResource _nodes = Resource("", "nodes");

    [Fact]
    public void Columns_Are_Those_Of_Kubectl_Get_Nodes()
    {
        Columns(_nodes).Should().Be("Name | Status | Roles | Age | Version | Internal-IP* | External-IP* | OS-Image* | Kernel-Version* | Container-Runtime*");
    }

    [Fact]
    public void A_Ready_Control_Plane_Node_Shows_Roles_Version_And_System_Info()
    {
        Cells(_nodes, $$$$"""
            {"metadata":{"name":"node-1","creationTimestamp":"{{{{Ago(TimeSpan.FromDays(3))}}}}",
               "labels":{"node-role.kubernetes.io/control-plane":"","node-role.kubernetes.io/":"","kubernetes.io/role":"master","other":"x"}},
             "status":{"conditions":[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"True"}],
               "addresses":[{"type":"Hostname","address":"node-1"},{"type":"InternalIP","address":"192.168.1.10"}],
               "nodeInfo":{"kubeletVersion":"v1.34.1","osImage":"Debian GNU/Linux 12 (bookworm)","kernelVersion":"6.1.0-18-amd64","containerRuntimeVersion":"containerd://1.7.13"}}}
            """).Should().Be("""
            ["node-1","Ready","control-plane,master","3d","v1.34.1","192.168.1.10","<none>","Debian GNU/Linux 12 (bookworm)","6.1.0-18-amd64","containerd://1.7.13"]
            """.Trim());
    }

    [Theory]
    [InlineData("""[{"type":"Ready","status":"False"}]""", false, "NotReady")]
    [InlineData("""[{"type":"Ready","status":"Unknown"}]""", false, "NotReady")]
    [InlineData("[]", false, "Unknown")]
    [InlineData("""[{"type":"Ready","status":"True"}]""", true, "Ready,SchedulingDisabled")]
    [InlineData("[]", true, "Unknown,SchedulingDisabled")]
    public void Status_Comes_From_The_Ready_Condition_And_Cordoning(string conditions, bool unschedulable, string status)
    {
        Cells(_nodes, $$$"""
            {"metadata":{"name":"n"},"spec":{"unschedulable":{{{(unschedulable ? "true" : "false")}}}},"status":{"conditions":{{{conditions}}}}}
            """).Should().Be($"""["n","{status}","<none>","<unknown>","","<none>","<none>","<unknown>","<unknown>","<unknown>"]""");
    }
}
