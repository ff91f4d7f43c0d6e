using System.Text.Json.Nodes;

namespace VmAddon.Patching.Tests;

public class ThreeWayMergeTests
{
    private static readonly BuiltInStrategicSchema Pod = BuiltInStrategicSchema.For("Pod");

    private const string PodFile = """
        {'apiVersion':'v1','kind':'Pod','metadata':{'name':'web','labels':{'app':'web','tier':'front'}},
         'spec':{'containers':[{'name':'web','image':'nginx:1','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]},
                               {'name':'log','image':'busybox'}],
                 'tolerations':[{'key':'k','operator':'Exists'}]}}
        """;

    /// <summary>What kubectl apply creates, then what the server and other writers add to it.</summary>
    private static JsonObject CreatedAndTouchedByServer(string file, IStrategicSchema? schema)
    {
        var created = ThreeWayMerge.WithLastApplied(Json.Object(file));
        var serverWrites = schema is null
            ? Json.Object("{'metadata':{'uid':'u1','labels':{'owner':'someone-else'}},'status':{'phase':'Running'}}")
            : Json.Object("{'metadata':{'uid':'u1','labels':{'owner':'someone-else'},'finalizers':['x/protect']},'status':{'phase':'Running'},'spec':{'nodeName':'n1','containers':[{'name':'istio-proxy','image':'proxy'}]}}");
        return schema is null
            ? (JsonObject)JsonMergePatch.Apply(created, serverWrites)!
            : StrategicMergePatch.Apply(created, serverWrites, schema);
    }

    private static JsonObject Apply(string file, JsonObject live, IStrategicSchema? schema)
    {
        var patch = ThreeWayMerge.CreateApplyPatch(Json.Object(file), live, schema);
        return schema is null ? (JsonObject)JsonMergePatch.Apply(live, patch)! : StrategicMergePatch.Apply(live, patch, schema);
    }

    [Fact]
    public void Applying_The_Same_File_Twice_Sends_An_Empty_Patch()
    {
        var live = CreatedAndTouchedByServer(PodFile, Pod);

        ThreeWayMerge.CreateApplyPatch(Json.Object(PodFile), live, Pod).Should().BeEmpty();
    }

    [Fact]
    public void Applying_The_Same_Custom_Resource_Twice_Sends_An_Empty_Patch()
    {
        var file = "{'apiVersion':'vm.example/v1','kind':'VirtualMachine','metadata':{'name':'vm'},'spec':{'running':true,'disks':[{'name':'root'}]}}";
        var live = CreatedAndTouchedByServer(file, null);

        ThreeWayMerge.CreateApplyPatch(Json.Object(file), live, null).Should().BeEmpty();
    }

    [Fact]
    public void Applying_An_Edited_Pod_File_Updates_Three_Ways()
    {
        var live = CreatedAndTouchedByServer(PodFile, Pod);
        var edited = """
            {'apiVersion':'v1','kind':'Pod','metadata':{'name':'web','labels':{'app':'web'}},
             'spec':{'containers':[{'name':'web','image':'nginx:2','env':[{'name':'A','value':'1'},{'name':'C','value':'3'}]},
                                   {'name':'metrics','image':'exporter'}],
                     'tolerations':[{'key':'other','operator':'Exists'}]}}
            """;

        var updated = Apply(edited, live, Pod);

        // Removed from the file: the tier label, env B, the log container. Kept: what others wrote, where they put it
        // (the server's own patch put its sidecar first, as a strategic patch without $setElementOrder does).
        updated["metadata"]!["labels"].ShouldEqualJson("{'app':'web','owner':'someone-else'}");
        updated["metadata"]!["finalizers"].ShouldEqualJson("['x/protect']");
        updated["metadata"]!["uid"].ShouldEqualJson("'u1'");
        updated["status"].ShouldEqualJson("{'phase':'Running'}");
        updated["spec"]!["nodeName"].ShouldEqualJson("'n1'");
        updated["spec"]!["containers"].ShouldEqualJson(
            "[{'name':'istio-proxy','image':'proxy'},{'name':'web','image':'nginx:2','env':[{'name':'A','value':'1'},{'name':'C','value':'3'}]},{'name':'metrics','image':'exporter'}]");
        updated["spec"]!["tolerations"].ShouldEqualJson("[{'key':'other','operator':'Exists'}]");
        JsonNode.Parse(updated["metadata"]!["annotations"]![ThreeWayMerge.LastAppliedAnnotation]!.GetValue<string>())!["spec"]!["containers"]![1]!["name"]
            .ShouldEqualJson("'metrics'");

        ThreeWayMerge.CreateApplyPatch(Json.Object(edited), updated, Pod).Should().BeEmpty("applying the edited file again changes nothing");
    }

    [Fact]
    public void The_Apply_Patch_Deletes_Removed_List_Items_With_Directives()
    {
        var live = CreatedAndTouchedByServer(PodFile, Pod);
        var edited = PodFile.Replace(",{'name':'B','value':'2'}", string.Empty, StringComparison.Ordinal);

        var patch = ThreeWayMerge.CreateApplyPatch(Json.Object(edited), live, Pod);

        var container = patch["spec"]!["containers"]!.AsArray().Single();
        container!["env"].ShouldEqualJson("[{'name':'B','$patch':'delete'}]");
        container["$setElementOrder/env"].ShouldEqualJson("[{'name':'A'}]");
    }

    [Fact]
    public void Finalizers_Removed_From_The_File_Are_Deleted_But_Others_Kept()
    {
        var file = "{'kind':'Pod','metadata':{'name':'p','finalizers':['a/mine','b/mine']}}";
        var live = CreatedAndTouchedByServer(file, Pod);

        var updated = Apply("{'kind':'Pod','metadata':{'name':'p','finalizers':['a/mine']}}", live, Pod);

        updated["metadata"]!["finalizers"].ShouldEqualJson("['x/protect','a/mine']");
    }

    [Fact]
    public void Applying_An_Edited_Custom_Resource_Uses_A_Merge_Patch()
    {
        var file = "{'apiVersion':'vm.example/v1','kind':'VirtualMachine','metadata':{'name':'vm','labels':{'a':'1'}},'spec':{'running':true,'cpu':2,'disks':[{'name':'root'},{'name':'data'}]}}";
        var live = CreatedAndTouchedByServer(file, null);
        var edited = "{'apiVersion':'vm.example/v1','kind':'VirtualMachine','metadata':{'name':'vm'},'spec':{'running':false,'disks':[{'name':'root'}]}}";

        var patch = ThreeWayMerge.CreateApplyPatch(Json.Object(edited), live, null);
        var updated = (JsonObject)JsonMergePatch.Apply(live, patch)!;

        patch["spec"]!["cpu"].Should().BeNull();
        ((JsonObject)patch["spec"]!).ContainsKey("cpu").Should().BeTrue("a field dropped from the file is deleted with null");
        updated["spec"].ShouldEqualJson("{'running':false,'disks':[{'name':'root'}]}");
        updated["metadata"]!["labels"].ShouldEqualJson("{'owner':'someone-else'}");
        updated["status"].ShouldEqualJson("{'phase':'Running'}");
        ThreeWayMerge.CreateApplyPatch(Json.Object(edited), updated, null).Should().BeEmpty();
    }

    [Fact]
    public void A_Field_Changed_By_Someone_Else_Is_Set_Back_To_The_File()
    {
        var live = CreatedAndTouchedByServer(PodFile, Pod);
        live = StrategicMergePatch.Apply(live, Json.Object("{'metadata':{'labels':{'tier':'back'}}}"), Pod);

        var updated = Apply(PodFile, live, Pod);

        updated["metadata"]!["labels"]!["tier"].ShouldEqualJson("'front'");
    }

    [Fact]
    public void The_First_Apply_To_An_Object_Without_Annotation_Deletes_Nothing()
    {
        var live = Json.Object("{'kind':'Pod','metadata':{'name':'p','labels':{'x':'1'}},'spec':{'containers':[{'name':'a'}]}}");

        var updated = Apply("{'kind':'Pod','metadata':{'name':'p','labels':{'y':'2'}}}", live, Pod);

        updated["metadata"]!["labels"]!["x"].ShouldEqualJson("'1'");
        updated["metadata"]!["labels"]!["y"].ShouldEqualJson("'2'");
        updated["spec"].ShouldEqualJson("{'containers':[{'name':'a'}]}");
    }

    [Fact]
    public void The_Last_Applied_Annotation_Is_Sorted_Compact_Json_Ending_In_A_Newline()
    {
        var annotated = ThreeWayMerge.WithLastApplied(Json.Object("{'kind':'Pod','apiVersion':'v1','metadata':{'name':'p','annotations':{'note':'<x>'}}}"));

        annotated["metadata"]!["annotations"]![ThreeWayMerge.LastAppliedAnnotation]!.GetValue<string>()
            .Should().Be("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{\"note\":\"<x>\"},\"name\":\"p\"}}\n");
    }
}
