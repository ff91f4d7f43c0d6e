namespace VmAddon.Patching.Tests;

public class StrategicMergePatchTests
{
    private static readonly BuiltInStrategicSchema Pod = BuiltInStrategicSchema.For("Pod");

    private static void Patching(string original, string patch, string expected, string kind = "Pod") =>
        StrategicMergePatch.Apply(Json.Parse(original)!, Json.Parse(patch)!, BuiltInStrategicSchema.For(kind)).ShouldEqualJson(expected);

    [Fact]
    public void Containers_Merge_By_Name()
    {
        Patching(
            "{'spec':{'containers':[{'name':'a','image':'a:1'},{'name':'b','image':'b:1'}]}}",
            "{'spec':{'containers':[{'name':'b','image':'b:2'}]}}",
            "{'spec':{'containers':[{'name':'a','image':'a:1'},{'name':'b','image':'b:2'}]}}");
    }

    [Fact]
    public void A_New_Container_Is_Added_And_Others_Kept()
    {
        Patching(
            "{'spec':{'containers':[{'name':'a','image':'a:1'}]}}",
            "{'spec':{'containers':[{'name':'log','image':'log:1'}]}}",
            "{'spec':{'containers':[{'name':'log','image':'log:1'},{'name':'a','image':'a:1'}]}}");
    }

    [Fact]
    public void Init_Containers_Volumes_Env_Ports_And_Mounts_Merge_By_Their_Keys()
    {
        Patching(
            "{'spec':{'initContainers':[{'name':'i','image':'i:1'}],'volumes':[{'name':'v','emptyDir':{}}],'containers':[{'name':'a','env':[{'name':'X','value':'1'},{'name':'Y','value':'2'}],'ports':[{'containerPort':80,'name':'http'}],'volumeMounts':[{'mountPath':'/data','name':'v'}]}]}}",
            "{'spec':{'initContainers':[{'name':'i','image':'i:2'}],'volumes':[{'name':'w','emptyDir':{}}],'containers':[{'name':'a','env':[{'name':'Y','value':'3'}],'ports':[{'containerPort':80,'protocol':'TCP'}],'volumeMounts':[{'mountPath':'/data','readOnly':true}]}]}}",
            "{'spec':{'initContainers':[{'name':'i','image':'i:2'}],'volumes':[{'name':'w','emptyDir':{}},{'name':'v','emptyDir':{}}],'containers':[{'name':'a','env':[{'name':'X','value':'1'},{'name':'Y','value':'3'}],'ports':[{'containerPort':80,'name':'http','protocol':'TCP'}],'volumeMounts':[{'mountPath':'/data','name':'v','readOnly':true}]}]}}");
    }

    [Fact]
    public void Tolerations_Are_Replaced_Whole_As_Kubernetes_Does()
    {
        Patching(
            "{'spec':{'tolerations':[{'key':'a','operator':'Exists'},{'key':'b','operator':'Exists'}]}}",
            "{'spec':{'tolerations':[{'key':'b','effect':'NoSchedule'}]}}",
            "{'spec':{'tolerations':[{'key':'b','effect':'NoSchedule'}]}}");
    }

    [Fact]
    public void Unknown_Lists_Are_Replaced()
    {
        Patching("{'spec':{'containers':[{'name':'a','args':['x','y']}]}}", "{'spec':{'containers':[{'name':'a','args':['z']}]}}", "{'spec':{'containers':[{'name':'a','args':['z']}]}}");
    }

    [Fact]
    public void Pod_And_Node_Conditions_Merge_By_Type()
    {
        Patching(
            "{'status':{'conditions':[{'type':'Ready','status':'False'},{'type':'Scheduled','status':'True'}]}}",
            "{'status':{'conditions':[{'type':'Ready','status':'True'}]}}",
            "{'status':{'conditions':[{'type':'Ready','status':'True'},{'type':'Scheduled','status':'True'}]}}");
        Patching(
            "{'status':{'conditions':[{'type':'Ready','status':'False'},{'type':'MemoryPressure','status':'False'}]}}",
            "{'status':{'conditions':[{'type':'Ready','status':'True'}]}}",
            "{'status':{'conditions':[{'type':'Ready','status':'True'},{'type':'MemoryPressure','status':'False'}]}}",
            "Node");
    }

    [Fact]
    public void Service_Ports_Merge_By_Port()
    {
        Patching(
            "{'spec':{'ports':[{'port':80,'targetPort':8080},{'port':443}]}}",
            "{'spec':{'ports':[{'port':80,'targetPort':9090}]}}",
            "{'spec':{'ports':[{'port':80,'targetPort':9090},{'port':443}]}}",
            "Service");
    }

    [Fact]
    public void Owner_References_Merge_By_Uid_And_Finalizers_As_A_Set()
    {
        Patching(
            "{'metadata':{'ownerReferences':[{'uid':'1','kind':'A'}],'finalizers':['a','b']}}",
            "{'metadata':{'ownerReferences':[{'uid':'2','kind':'B'}],'finalizers':['b','c']}}",
            "{'metadata':{'ownerReferences':[{'uid':'2','kind':'B'},{'uid':'1','kind':'A'}],'finalizers':['a','b','c']}}",
            "VirtualMachine");
    }

    [Fact]
    public void Null_Deletes_A_Map_Key()
    {
        Patching("{'metadata':{'labels':{'a':'1','b':'2'}}}", "{'metadata':{'labels':{'a':null}}}", "{'metadata':{'labels':{'b':'2'}}}");
    }

    [Fact]
    public void Patch_Delete_Removes_The_Item_With_That_Key()
    {
        Patching(
            "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
            "{'spec':{'containers':[{'name':'a','$patch':'delete'}]}}",
            "{'spec':{'containers':[{'name':'b'}]}}");
    }

    [Fact]
    public void Patch_Replace_In_A_List_Replaces_The_List()
    {
        Patching(
            "{'spec':{'containers':[{'name':'a','image':'a'},{'name':'b'}]}}",
            "{'spec':{'containers':[{'name':'c'},{'$patch':'replace'}]}}",
            "{'spec':{'containers':[{'name':'c'}]}}");
    }

    [Fact]
    public void Patch_Replace_On_A_Map_Replaces_The_Map()
    {
        Patching(
            "{'metadata':{'labels':{'a':'1','b':'2'}}}",
            "{'metadata':{'labels':{'c':'3','$patch':'replace'}}}",
            "{'metadata':{'labels':{'c':'3'}}}");
    }

    [Fact]
    public void Patch_Delete_On_A_Map_Empties_It()
    {
        Patching("{'spec':{'nodeSelector':{'a':'1'}}}", "{'spec':{'nodeSelector':{'$patch':'delete'}}}", "{'spec':{'nodeSelector':{}}}");
    }

    [Fact]
    public void Unknown_Directives_Are_Rejected()
    {
        var mapAct = () => StrategicMergePatch.Apply(Json.Parse("{'a':{}}")!, Json.Parse("{'a':{'$patch':'frob'}}")!, Pod);
        var listAct = () => StrategicMergePatch.Apply(Json.Parse("{'spec':{'containers':[]}}")!, Json.Parse("{'spec':{'containers':[{'$patch':'merge'}]}}")!, Pod);

        mapAct.Should().Throw<PatchException>().WithMessage("unknown patch type: frob*");
        listAct.Should().Throw<PatchException>().WithMessage("merging lists cannot yet be specified in the patch");
    }

    [Fact]
    public void A_Merge_List_Item_Without_Its_Key_Is_Rejected()
    {
        var act = () => StrategicMergePatch.Apply(Json.Parse("{'spec':{'containers':[{'name':'a'}]}}")!, Json.Parse("{'spec':{'containers':[{'image':'x'}]}}")!, Pod);

        act.Should().Throw<PatchException>().WithMessage("*does not contain declared merge key: name");
    }

    [Fact]
    public void Delete_From_Primitive_List_Removes_Those_Values()
    {
        Patching(
            "{'metadata':{'finalizers':['a','b','c']}}",
            "{'metadata':{'$deleteFromPrimitiveList/finalizers':['b'],'finalizers':['d']}}",
            // Without $setElementOrder, kube puts values new to the server before the ones it had.
            "{'metadata':{'finalizers':['d','a','c']}}");
    }

    [Fact]
    public void Set_Element_Order_Orders_The_Merged_List()
    {
        Patching(
            "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
            "{'spec':{'$setElementOrder/containers':[{'name':'a'},{'name':'b'},{'name':'c'}],'containers':[{'name':'c'}]}}",
            "{'spec':{'containers':[{'name':'a'},{'name':'b'},{'name':'c'}]}}");
        Patching(
            "{'metadata':{'finalizers':['a','b']}}",
            "{'metadata':{'$setElementOrder/finalizers':['b','a']}}",
            "{'metadata':{'finalizers':['b','a']}}");
    }

    [Fact]
    public void Server_Only_Items_Keep_Their_Place_Among_Ordered_Ones()
    {
        Patching(
            "{'spec':{'containers':[{'name':'a'},{'name':'sidecar'},{'name':'b'}]}}",
            "{'spec':{'$setElementOrder/containers':[{'name':'a'},{'name':'b'}],'containers':[{'name':'b','image':'b:2'}]}}",
            "{'spec':{'containers':[{'name':'a'},{'name':'sidecar'},{'name':'b','image':'b:2'}]}}");
    }

    [Fact]
    public void Retain_Keys_Drops_Fields_Not_Listed()
    {
        Patching(
            "{'spec':{'volumes':[{'name':'v','emptyDir':{}}]}}",
            "{'spec':{'volumes':[{'name':'v','$retainKeys':['name','hostPath'],'hostPath':{'path':'/x'}}]}}",
            "{'spec':{'volumes':[{'name':'v','hostPath':{'path':'/x'}}]}}");
    }

    [Fact]
    public void Directives_Never_Reach_The_Stored_Object()
    {
        Patching(
            "{'spec':{}}",
            "{'spec':{'containers':[{'name':'a','env':[{'name':'X','value':'1'},{'name':'Y','$patch':'delete'}]}],'$setElementOrder/containers':[{'name':'a'}]}}",
            "{'spec':{'containers':[{'name':'a','env':[{'name':'X','value':'1'}]}]}}");
    }

    [Fact]
    public void Apply_Does_Not_Change_The_Original()
    {
        var original = Json.Parse("{'spec':{'containers':[{'name':'a'}]}}")!;

        StrategicMergePatch.Apply(original, Json.Parse("{'spec':{'containers':[{'name':'a','image':'x'}]}}")!, Pod);

        original.ShouldEqualJson("{'spec':{'containers':[{'name':'a'}]}}");
    }

    [Fact]
    public void Deployment_Pod_Template_Containers_Merge_By_Name()
    {
        Patching(
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','image':'1'},{'name':'b'}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','image':'2'}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','image':'2'},{'name':'b'}]}}}}",
            "Deployment");
    }

    [Theory]
    [InlineData(PatchMediaTypes.StrategicMergePatch, true, PatchMediaTypes.CustomResourceUnsupportedMessage)]
    [InlineData(PatchMediaTypes.StrategicMergePatch, false, null)]
    [InlineData(PatchMediaTypes.MergePatch, true, null)]
    [InlineData("application/json-patch+json; charset=utf-8", true, null)]
    [InlineData("text/plain", false, PatchMediaTypes.BuiltInUnsupportedMessage)]
    public void Custom_Resources_Reject_Strategic_Merge_Patch_As_Kube_Apiserver_Does(string contentType, bool customResource, string? expected)
    {
        PatchMediaTypes.RejectionFor(contentType, customResource).Should().Be(expected);
    }

    [Fact]
    public void The_Custom_Resource_Rejection_Reads_As_Kubectl_Shows_It()
    {
        PatchMediaTypes.CustomResourceUnsupportedMessage.Should().Be(
            "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
    }

    [Theory]
    [InlineData(
        "{'metadata':{'labels':{'a':'1'},'finalizers':['f1','f2']},'spec':{'containers':[{'name':'a','image':'1','env':[{'name':'X','value':'1'}]},{'name':'b'}],'tolerations':[{'key':'t'}]}}",
        "{'metadata':{'labels':{'b':'2'},'finalizers':['f2','f3']},'spec':{'containers':[{'name':'c'},{'name':'a','image':'2','env':[]}],'tolerations':[]}}")]
    [InlineData(
        "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
        "{'spec':{'containers':[{'name':'b'},{'name':'a'}]}}")]
    public void Create_Gives_A_Patch_That_Turns_Original_Into_Modified(string original, string modified)
    {
        var patch = StrategicMergePatch.Create(Json.Object(original), Json.Object(modified), Pod);

        StrategicMergePatch.Apply(Json.Object(original), patch, Pod).ShouldEqualJson(modified);
    }

    [Fact]
    public void Create_Uses_Delete_Directives_For_Removed_Items()
    {
        var patch = StrategicMergePatch.Create(
            Json.Object("{'metadata':{'finalizers':['a','b']},'spec':{'containers':[{'name':'a'},{'name':'b'}]}}"),
            Json.Object("{'metadata':{'finalizers':['a']},'spec':{'containers':[{'name':'a'}]}}"),
            Pod);

        patch.ShouldEqualJson("{'metadata':{'$setElementOrder/finalizers':['a'],'$deleteFromPrimitiveList/finalizers':['b']},'spec':{'$setElementOrder/containers':[{'name':'a'}],'containers':[{'name':'b','$patch':'delete'}]}}");
    }

    [Fact]
    public void Retain_Keys_Switches_A_Deployment_Strategy_Type()
    {
        Patching(
            "{'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}}",
            "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}",
            "{'spec':{'strategy':{'type':'Recreate'}}}",
            "Deployment");
    }

    [Fact]
    public void Only_Objects_Can_Be_Strategically_Patched()
    {
        var act = () => StrategicMergePatch.Apply(Json.Parse("[1]")!, Json.Parse("{}")!, Pod);

        act.Should().Throw<PatchException>();
    }

    [Fact]
    public void Retain_Keys_Must_List_Every_Field_The_Patch_Sets()
    {
        var act = () => StrategicMergePatch.Apply(
            Json.Parse("{'spec':{'strategy':{'type':'RollingUpdate'}}}")!,
            Json.Parse("{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate','rollingUpdate':{}}}}")!,
            BuiltInStrategicSchema.For("Deployment"));

        act.Should().Throw<PatchException>().Where(e => e.StatusCode == 400).WithMessage("invalid patch format of retainKeys");
    }
}
