using static VmAddon.DevCluster.Tests.Tables.TableKit;

namespace VmAddon.DevCluster.Tests.Tables;

/// <summary>Pod rows, with cases ported from kube's printers_test.go (TestPrintPod, TestPrintPodWithRestartableInitContainer, TestPrintPodwide).</summary>
public sealed class PodTableTests
{
    private static readonly Catalog.ApiResource _pods = Resource("", "pods");

    private static readonly string _tenSecondsAgo = Ago(TimeSpan.FromSeconds(10));

    [Fact]
    public void Columns_Are_Those_Of_Kubectl_Get_Pods_With_Wide_Ones_At_Priority_One()
    {
        Columns(_pods).Should().Be("Name | Ready | Status | Restarts | Age | IP* | Node* | Nominated Node* | Readiness Gates*");
    }

    [Fact]
    public void Ready_Counts_Running_Ready_Containers_And_Restarts_Sum()
    {
        Cells(_pods, """
            {"metadata":{"name":"test1"},"spec":{"containers":[{},{}]},
             "status":{"phase":"podPhase","containerStatuses":[
               {"ready":true,"restartCount":3,"state":{"running":{}}},
               {"restartCount":3}]}}
            """).Should().Be("""["test1","1/2","podPhase","6","<unknown>","<none>","<none>","<none>","<none>"]""");
    }

    [Fact]
    public void A_Waiting_Container_Reason_Overrides_The_Phase()
    {
        Cells(_pods, """
            {"metadata":{"name":"test2"},"spec":{"containers":[{},{}]},
             "status":{"phase":"podPhase","containerStatuses":[
               {"ready":true,"restartCount":3,"state":{"running":{}}},
               {"restartCount":3,"state":{"waiting":{"reason":"ContainerWaitingReason"}}}]}}
            """).Should().StartWith("""["test2","1/2","ContainerWaitingReason","6",""");
    }

    [Fact]
    public void The_First_Container_Reason_Wins_Because_Statuses_Are_Read_Backwards()
    {
        Cells(_pods, """
            {"metadata":{"name":"test3"},"spec":{"containers":[{},{}]},
             "status":{"phase":"podPhase","containerStatuses":[
               {"restartCount":3,"state":{"waiting":{"reason":"ContainerWaitingReason"}}},
               {"restartCount":3,"state":{"terminated":{"reason":"ContainerTerminatedReason"}}}]}}
            """).Should().StartWith("""["test3","0/2","ContainerWaitingReason","6",""");
    }

    [Fact]
    public void Status_Reason_Overrides_The_Phase()
    {
        Cells(_pods, """
            {"metadata":{"name":"test5"},"spec":{"containers":[{},{}]},
             "status":{"reason":"podReason","phase":"podPhase","containerStatuses":[
               {"ready":true,"restartCount":3,"state":{"running":{}}},{"ready":true,"restartCount":3}]}}
            """).Should().StartWith("""["test5","1/2","podReason","6",""");
    }

    [Theory]
    [InlineData("[]", "NotReady")]
    [InlineData("""[{"type":"Ready","status":"True"}]""", "Running")]
    public void A_Completed_Container_Next_To_A_Running_One_Shows_Running_Or_NotReady(string conditions, string status)
    {
        Cells(_pods, $$$$"""
            {"metadata":{"name":"test6"},"spec":{"containers":[{},{}]},
             "status":{"phase":"Running","conditions":{{{{conditions}}}},"containerStatuses":[
               {"ready":true,"restartCount":3,"state":{"terminated":{"reason":"Completed","exitCode":0}}},
               {"ready":true,"restartCount":3,"state":{"running":{}}}]}}
            """).Should().StartWith($"""["test6","1/2","{status}","6",""");
    }

    [Fact]
    public void A_Restarting_Init_Container_Shows_Init_Progress_And_Its_Last_Restart()
    {
        Cells(_pods, $$$$"""
            {"metadata":{"name":"test7"},"spec":{"initContainers":[{}],"containers":[{}]},
             "status":{"phase":"podPhase",
               "initContainerStatuses":[{"restartCount":3,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"{{{{_tenSecondsAgo}}}}"}}}],
               "containerStatuses":[{"state":{"waiting":{}}}]}}
            """).Should().StartWith("""["test7","0/1","Init:0/1","3 (10s ago)",""");
    }

    [Fact]
    public void A_Completed_Init_Container_Moves_The_Init_Counter_On()
    {
        Cells(_pods, $$$$"""
            {"metadata":{"name":"test10"},"spec":{"initContainers":[{},{}],"containers":[{}]},
             "status":{"phase":"podPhase",
               "initContainerStatuses":[
                 {"restartCount":2,"state":{"terminated":{}},"lastState":{"terminated":{"finishedAt":"{{{{Ago(TimeSpan.FromMinutes(2))}}}}"}}},
                 {"restartCount":3,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"{{{{_tenSecondsAgo}}}}"}}}],
               "containerStatuses":[{"state":{"waiting":{}}}]}}
            """).Should().StartWith("""["test10","0/1","Init:1/2","5 (10s ago)",""");
    }

    [Fact]
    public void Once_Initialised_Only_App_Container_Restarts_Count()
    {
        Cells(_pods, $$$$"""
            {"metadata":{"name":"test11"},"spec":{"initContainers":[{}],"containers":[{}]},
             "status":{"phase":"Running",
               "initContainerStatuses":[{"restartCount":2,"state":{"terminated":{}},"lastState":{"terminated":{"finishedAt":"{{{{Ago(TimeSpan.FromMinutes(2))}}}}"}}}],
               "containerStatuses":[{"restartCount":4,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"{{{{Ago(TimeSpan.FromSeconds(20))}}}}"}}}]}}
            """).Should().StartWith("""["test11","0/1","Running","4 (20s ago)",""");
    }

    [Fact]
    public void Restarts_Show_The_Most_Recent_Restart_Of_Any_Container()
    {
        Cells(_pods, $$$$"""
            {"metadata":{"name":"test14"},"spec":{"containers":[{},{}]},
             "status":{"phase":"Running","containerStatuses":[
               {"ready":true,"restartCount":6,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"{{{{Ago(TimeSpan.FromDays(5))}}}}"}}},
               {"ready":true,"restartCount":3,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"{{{{Ago(TimeSpan.FromDays(20))}}}}"}}}]}}
            """).Should().StartWith("""["test14","2/2","Running","9 (5d ago)",""");
    }

    [Fact]
    public void A_Scheduling_Gated_Pod_Says_So()
    {
        Cells(_pods, """
            {"metadata":{"name":"test15"},"spec":{"containers":[{},{}]},
             "status":{"phase":"podPhase","conditions":[{"type":"PodScheduled","status":"False","reason":"SchedulingGated"}]}}
            """).Should().StartWith("""["test15","0/2","SchedulingGated","0",""");
    }

    [Fact]
    public void A_Succeeded_Pod_Shows_Completed_And_Carries_The_Completed_Row_Condition()
    {
        var table = Converter.ConvertObject(_pods, Parse("""
            {"metadata":{"name":"test16"},"spec":{"containers":[{}]},
             "status":{"phase":"Succeeded","containerStatuses":[{"state":{"terminated":{"reason":"Completed","exitCode":0}}}]}}
            """));

        Json(table["rows"]![0]!["cells"]).Should().StartWith("""["test16","0/1","Completed","0",""");
        Json(table["rows"]![0]!["conditions"]).Should().Be(
            """[{"type":"Completed","status":"True","reason":"Succeeded","message":"The pod has completed successfully."}]""");
    }

    [Fact]
    public void A_Failed_Pod_Shows_The_Container_Reason_And_The_Failed_Row_Condition()
    {
        var table = Converter.ConvertObject(_pods, Parse("""
            {"metadata":{"name":"test17"},"spec":{"containers":[{}]},
             "status":{"phase":"Failed","containerStatuses":[{"state":{"terminated":{"reason":"Error","exitCode":1}}}]}}
            """));

        Json(table["rows"]![0]!["cells"]).Should().StartWith("""["test17","0/1","Error","0",""");
        Json(table["rows"]![0]!["conditions"]).Should().Be("""[{"type":"Completed","status":"True","reason":"Failed","message":"The pod failed."}]""");
    }

    [Theory]
    [InlineData("Running", """{"running":{}}""", "Terminating")]
    [InlineData("Pending", "{}", "Terminating")]
    [InlineData("Succeeded", """{"terminated":{"reason":"Completed","exitCode":0}}""", "Completed")]
    public void A_Deleted_Pod_Is_Terminating_Unless_It_Already_Finished(string phase, string state, string status)
    {
        Cells(_pods, $$$"""
            {"metadata":{"name":"p","deletionTimestamp":"{{{_tenSecondsAgo}}}"},"spec":{"containers":[{}]},
             "status":{"phase":"{{{phase}}}","containerStatuses":[{"state":{{{state}}}}]}}
            """).Should().StartWith($"""["p","0/1","{status}",""");
    }

    [Fact]
    public void A_Deleted_Pod_On_A_Lost_Node_Is_Unknown()
    {
        Cells(_pods, $$$"""
            {"metadata":{"name":"p","deletionTimestamp":"{{{_tenSecondsAgo}}}"},"spec":{"containers":[{}]},
             "status":{"phase":"Running","reason":"NodeLost"}}
            """).Should().StartWith("""["p","0/1","Unknown",""");
    }

    [Theory]
    [InlineData("""{"reason":"OOMKilled","exitCode":137}""", "OOMKilled")]
    [InlineData("""{"exitCode":2}""", "ExitCode:2")]
    [InlineData("""{"exitCode":137,"signal":9}""", "Signal:9")]
    public void A_Terminated_Container_Shows_Its_Reason_Exit_Code_Or_Signal(string terminated, string status)
    {
        Cells(_pods, $$$"""
            {"metadata":{"name":"p"},"spec":{"containers":[{}]},"status":{"phase":"Running","containerStatuses":[{"state":{"terminated":{{{terminated}}}}}]}}
            """).Should().StartWith($"""["p","0/1","{status}",""");
    }

    [Theory]
    [InlineData("""{"terminated":{"reason":"Error","exitCode":1}}""", "Init:Error")]
    [InlineData("""{"terminated":{"exitCode":3}}""", "Init:ExitCode:3")]
    [InlineData("""{"terminated":{"exitCode":1,"signal":15}}""", "Init:Signal:15")]
    [InlineData("""{"waiting":{"reason":"CrashLoopBackOff"}}""", "Init:CrashLoopBackOff")]
    [InlineData("""{"waiting":{"reason":"PodInitializing"}}""", "Init:0/1")]
    public void A_Failing_Init_Container_Shows_Why(string state, string status)
    {
        Cells(_pods, $$$"""
            {"metadata":{"name":"p"},"spec":{"initContainers":[{"name":"i"}],"containers":[{}]},
             "status":{"phase":"Pending","initContainerStatuses":[{"name":"i","state":{{{state}}}}]}}
            """).Should().StartWith($"""["p","0/1","{status}",""");
    }

    [Fact]
    public void Started_Sidecars_Count_As_Containers_And_Do_Not_Block_Initialisation()
    {
        Cells(_pods, $$$$"""
            {"metadata":{"name":"test2"},
             "spec":{"initContainers":[{"name":"restartable-init-1","restartPolicy":"Always"},{"name":"restartable-init-2","restartPolicy":"Always"}],"containers":[{}]},
             "status":{"phase":"Running",
               "initContainerStatuses":[
                 {"name":"restartable-init-1","restartCount":3,"state":{"running":{}},"started":true,"lastState":{"terminated":{"finishedAt":"{{{{_tenSecondsAgo}}}}"}}},
                 {"name":"restartable-init-2","state":{"running":{}},"started":true}],
               "containerStatuses":[{"ready":true,"restartCount":4,"state":{"running":{}},"lastState":{"terminated":{"finishedAt":"{{{{Ago(TimeSpan.FromSeconds(20))}}}}"}}}],
               "conditions":[{"type":"Initialized","status":"True"}]}}
            """).Should().StartWith("""["test2","1/3","Running","7 (10s ago)",""");
    }

    [Fact]
    public void A_Sidecar_Not_Yet_Started_Holds_Initialisation()
    {
        Cells(_pods, $$$$"""
            {"metadata":{"name":"test1"},
             "spec":{"initContainers":[{"name":"restartable-init-1","restartPolicy":"Always"},{"name":"restartable-init-2","restartPolicy":"Always"}],"containers":[{}]},
             "status":{"phase":"Pending",
               "initContainerStatuses":[
                 {"name":"restartable-init-1","restartCount":3,"state":{"running":{}},"started":true,"lastState":{"terminated":{"finishedAt":"{{{{_tenSecondsAgo}}}}"}}},
                 {"name":"restartable-init-2","state":{"running":{}},"started":false}],
               "containerStatuses":[{"state":{"waiting":{}}}],
               "conditions":[{"type":"Initialized","status":"False"}]}}
            """).Should().StartWith("""["test1","0/3","Init:1/2","3 (10s ago)",""");
    }

    [Fact]
    public void Statuses_For_Unknown_Containers_Do_Not_Break_The_Count()
    {
        Cells(_pods, """
            {"metadata":{"name":"test4"},
             "spec":{"initContainers":[{"name":"init1"},{"name":"sidecar1","restartPolicy":"Always"}],"containers":[{"name":"container1"}]},
             "status":{"phase":"Running","initContainerStatuses":[{"name":"initinvalid"},{"name":"init1"},{"name":"sidecar1"}],
               "containerStatuses":[{"name":"containerinvalid"},{"name":"container1"}]}}
            """).Should().StartWith("""["test4","0/2","Init:0/2","0",""");
    }

    [Fact]
    public void Wide_Columns_Show_First_IP_Node_Nominated_Node_And_True_Readiness_Gates()
    {
        Cells(_pods, """
            {"metadata":{"name":"test1"},
             "spec":{"containers":[{},{}],"nodeName":"test1",
               "readinessGates":[{"conditionType":"condition1"},{"conditionType":"condition2"},{"conditionType":"condition3"}]},
             "status":{"phase":"podPhase","podIPs":[{"ip":"1.1.1.1"},{"ip":"2001:db8::"}],"nominatedNodeName":"node1",
               "conditions":[{"type":"condition1","status":"False"},{"type":"condition2","status":"True"}],
               "containerStatuses":[{"ready":true,"restartCount":3,"state":{"running":{}}},{"restartCount":3}]}}
            """).Should().Be("""["test1","1/2","podPhase","6","<unknown>","1.1.1.1","test1","node1","1/3"]""");
    }

    [Fact]
    public void A_Pod_With_Only_The_Singular_PodIP_Shows_It()
    {
        Cells(_pods, """{"metadata":{"name":"p"},"spec":{"containers":[{}]},"status":{"phase":"Running","podIP":"10.0.0.7"}}""")
            .Should().Contain("\"10.0.0.7\"");
    }

    [Fact]
    public void Age_Comes_From_The_Creation_Timestamp()
    {
        Cells(_pods, $$$"""{"metadata":{"name":"p","creationTimestamp":"{{{Ago(TimeSpan.FromMinutes(190))}}}"},"spec":{"containers":[{}]},"status":{"phase":"Running"}}""")
            .Should().StartWith("""["p","0/1","Running","0","3h10m",""");
    }
}
