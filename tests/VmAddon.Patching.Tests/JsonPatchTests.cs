namespace VmAddon.Patching.Tests;

public class JsonPatchTests
{
    [Theory]
    [InlineData("{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux'}]", "{'foo':'bar','baz':'qux'}")]
    [InlineData("{'foo':['bar','baz']}", "[{'op':'add','path':'/foo/1','value':'qux'}]", "{'foo':['bar','qux','baz']}")]
    [InlineData("{'foo':['bar']}", "[{'op':'add','path':'/foo/-','value':['abc','def']}]", "{'foo':['bar',['abc','def']]}")]
    [InlineData("{'baz':'qux','foo':'bar'}", "[{'op':'remove','path':'/baz'}]", "{'foo':'bar'}")]
    [InlineData("{'foo':['bar','qux','baz']}", "[{'op':'remove','path':'/foo/1'}]", "{'foo':['bar','baz']}")]
    [InlineData("{'baz':'qux','foo':'bar'}", "[{'op':'replace','path':'/baz','value':'boo'}]", "{'baz':'boo','foo':'bar'}")]
    [InlineData("{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}", "[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]", "{'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}")]
    [InlineData("{'foo':['all','grass','cows','eat']}", "[{'op':'move','from':'/foo/1','path':'/foo/3'}]", "{'foo':['all','cows','eat','grass']}")]
    [InlineData("{'foo':{'a':1}}", "[{'op':'copy','from':'/foo','path':'/bar'}]", "{'foo':{'a':1},'bar':{'a':1}}")]
    [InlineData("{'baz':'qux','foo':['a',2,'c']}", "[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}]", "{'baz':'qux','foo':['a',2,'c']}")]
    [InlineData("{'/':9,'~1':10,'m~n':8}", "[{'op':'replace','path':'/~01','value':1},{'op':'replace','path':'/~1','value':2},{'op':'replace','path':'/m~0n','value':3}]", "{'/':2,'~1':1,'m~n':3}")]
    [InlineData("{'foo':'bar'}", "[{'op':'add','path':'/child','value':{'grandchild':{}}}]", "{'foo':'bar','child':{'grandchild':{}}}")]
    [InlineData("{'foo':'bar'}", "[{'op':'replace','path':'','value':[1]}]", "[1]")]
    public void Apply_Follows_The_Rfc_6902_Examples(string document, string patch, string expected)
    {
        JsonPatch.Apply(Json.Parse(document), Json.Array(patch)).ShouldEqualJson(expected);
    }

    [Theory]
    [InlineData("[{'op':'replace','path':'/spec/foo','value':1}]", "jsonpatch replace operation does not apply: doc is missing key: /spec/foo")]
    [InlineData("[{'op':'test','path':'/spec/x','value':2}]", "testing value /spec/x failed")]
    [InlineData("[{'op':'add','path':'/nope/x','value':2}]", "jsonpatch add operation does not apply: doc is missing path: \"/nope/x\": missing value")]
    [InlineData("[{'op':'remove','path':'/spec/missing'}]", "Unable to remove nonexistent key: missing: missing value")]
    [InlineData("[{'op':'move','from':'/spec/missing','path':'/a'}]", "jsonpatch move operation does not apply: doc is missing from path: /spec/missing")]
    [InlineData("[{'op':'add','path':'/spec/list/5','value':2}]", "Unable to access invalid index: 5: invalid index referenced")]
    [InlineData("[{'op':'frobnicate','path':'/spec'}]", "Unexpected kind: frobnicate")]
    public void Apply_Throws_The_Apiserver_Message_When_An_Operation_Does_Not_Apply(string patch, string message)
    {
        var act = () => JsonPatch.Apply(Json.Parse("{'spec':{'x':1,'list':[1]}}"), Json.Array(patch));

        act.Should().Throw<PatchException>().WithMessage(message);
    }

    [Fact]
    public void A_Failing_Patch_Leaves_The_Document_Untouched()
    {
        var document = Json.Parse("{'spec':{'x':1}}");

        var act = () => JsonPatch.Apply(document, Json.Array("[{'op':'add','path':'/spec/y','value':2},{'op':'test','path':'/spec/x','value':5}]"));

        act.Should().Throw<PatchException>();
        document.ShouldEqualJson("{'spec':{'x':1}}");
    }

    [Fact]
    public void A_Successful_Patch_Returns_A_Copy()
    {
        var document = Json.Parse("{'spec':{'x':1}}");

        var patched = JsonPatch.Apply(document, Json.Array("[{'op':'replace','path':'/spec/x','value':2}]"));

        patched.ShouldEqualJson("{'spec':{'x':2}}");
        document.ShouldEqualJson("{'spec':{'x':1}}");
    }

    [Fact]
    public void Move_Into_Its_Own_Child_Is_Rejected()
    {
        var act = () => JsonPatch.Apply(Json.Parse("{'a':{'b':1}}"), Json.Array("[{'op':'move','from':'/a','path':'/a/c'}]"));

        act.Should().Throw<PatchException>();
    }

    [Fact]
    public void A_Failing_Operation_Is_Unprocessable_And_Too_Many_Operations_Too_Large()
    {
        var failing = () => JsonPatch.Apply(Json.Parse("{}"), Json.Array("[{'op':'test','path':'/a','value':1}]"));
        var many = new System.Text.Json.Nodes.JsonArray([.. Enumerable.Range(0, JsonPatch.MaxOperations + 1).Select(_ => Json.Parse("{'op':'test','path':'','value':{}}"))]);
        var tooMany = () => JsonPatch.Apply(Json.Parse("{}"), many);

        failing.Should().Throw<PatchException>().Which.StatusCode.Should().Be(422);
        tooMany.Should().Throw<PatchException>().Where(e => e.StatusCode == 413).WithMessage("The allowed maximum operations in a JSON patch is 10000, got 10001");
    }
}
