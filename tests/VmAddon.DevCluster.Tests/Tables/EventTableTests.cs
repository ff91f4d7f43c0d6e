using static VmAddon.DevCluster.Tests.Tables.TableKit;

namespace VmAddon.DevCluster.Tests.Tables;

/// <summary>Event rows, for core/v1 Events and for events.k8s.io/v1 Events, which kube prints through the same printer.</summary>
public sealed class EventTableTests
{
    private static readonly Catalog.ApiResource _coreEvents = Resource("", "events");
    private static readonly Catalog.ApiResource _eventsV1 = Resource("events.k8s.io", "events");

    [Theory]
    [InlineData("")]
    [InlineData("events.k8s.io")]
    public void Columns_Are_Those_Of_Kubectl_Get_Events(string group)
    {
        Columns(Resource(group, "events")).Should().Be("Last Seen | Type | Reason | Object | Subobject* | Source* | Message | First Seen* | Count* | Name*");
    }

    [Fact]
    public void A_Kubelet_Event_Shows_Ages_Object_Subobject_Source_And_Count()
    {
        Cells(_coreEvents, $$"""
            {"metadata":{"name":"launcher-abc.17a1"},
             "involvedObject":{"kind":"Pod","namespace":"default","name":"launcher-abc","fieldPath":"spec.containers{compute}"},
             "reason":"Pulled","message":"  Container image already present on machine \n","type":"Normal",
             "source":{"component":"kubelet","host":"node-1"},
             "firstTimestamp":"{{Ago(TimeSpan.FromMinutes(12))}}","lastTimestamp":"{{Ago(TimeSpan.FromSeconds(40))}}","count":4,
             "eventTime":null,"reportingComponent":"kubelet","reportingInstance":"node-1"}
            """).Should().Be("""
            ["40s","Normal","Pulled","pod/launcher-abc","spec.containers{compute}","kubelet, node-1","Container image already present on machine","12m",4,"launcher-abc.17a1"]
            """.Trim());
    }

    [Fact]
    public void A_New_Style_Event_Uses_Event_Time_Reporting_Controller_And_A_Count_Of_One()
    {
        Cells(_coreEvents, $$"""
            {"metadata":{"name":"vm.1"},"involvedObject":{"kind":"VirtualMachine","name":"vm"},"reason":"Started","type":"Normal",
             "eventTime":"{{Ago(TimeSpan.FromMinutes(3))}}","reportingComponent":"vmaddon-controller","reportingInstance":""}
            """).Should().Be("""["3m","Normal","Started","virtualmachine/vm","","vmaddon-controller","","3m",1,"vm.1"]""");
    }

    [Fact]
    public void A_Series_Gives_Last_Seen_And_Count()
    {
        Cells(_coreEvents, $$$"""
            {"metadata":{"name":"e"},"involvedObject":{"kind":"Node"},"reason":"Rebooted","type":"Warning",
             "eventTime":"{{{Ago(TimeSpan.FromHours(2))}}}","series":{"count":7,"lastObservedTime":"{{{Ago(TimeSpan.FromSeconds(5))}}}"}}
            """).Should().Be("""["5s","Warning","Rebooted","node","","","","120m",7,"e"]""");
    }

    [Fact]
    public void An_Event_Without_Any_Time_Is_Unknown()
    {
        Cells(_coreEvents, """{"metadata":{"name":"e"},"involvedObject":{"kind":"Pod","name":"p"}}""")
            .Should().Be("""["<unknown>","","","pod/p","","","","<unknown>",1,"e"]""");
    }

    [Fact]
    public void An_Events_V1_Event_Prints_As_Its_Core_Form()
    {
        Cells(_eventsV1, $$"""
            {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"vmi.2"},
             "eventTime":"{{Ago(TimeSpan.FromMinutes(1))}}","reportingController":"vmaddon.io/agent","reportingInstance":"agent-node-1",
             "action":"Start","reason":"Started","regarding":{"kind":"VirtualMachineInstance","name":"vmi"},"note":"Domain started","type":"Normal"}
            """).Should().Be("""["60s","Normal","Started","virtualmachineinstance/vmi","","vmaddon.io/agent, agent-node-1","Domain started","60s",1,"vmi.2"]""");
    }

    [Fact]
    public void An_Events_V1_Row_Carries_The_Events_V1_Object_When_Asked_For_Objects()
    {
        var e = Parse("""{"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"n"},"note":"x","regarding":{"kind":"Pod","name":"p"}}""");

        var table = Converter.ConvertObject(_eventsV1, e, new DevCluster.Tables.TableOptions(DevCluster.Tables.IncludeObjectPolicy.Object));

        Json(table["rows"]![0]!["object"]).Should().Be(Json(e));
    }
}
