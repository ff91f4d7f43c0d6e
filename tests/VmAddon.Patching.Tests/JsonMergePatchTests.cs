namespace VmAddon.Patching.Tests;

public class JsonMergePatchTests
{
    [Theory]
    [InlineData("{'a':'b'}", "{'a':'c'}", "{'a':'c'}")]
    [InlineData("{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}")]
    [InlineData("{'a':'b'}", "{'a':null}", "{}")]
    [InlineData("{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}")]
    [InlineData("{'a':['b']}", "{'a':'c'}", "{'a':'c'}")]
    [InlineData("{'a':'c'}", "{'a':['b']}", "{'a':['b']}")]
    [InlineData("{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}")]
    [InlineData("{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}")]
    [InlineData("['a','b']", "['c','d']", "['c','d']")]
    [InlineData("{'a':'b'}", "['c']", "['c']")]
    [InlineData("{'a':'foo'}", "null", "null")]
    [InlineData("{'a':'foo'}", "'bar'", "'bar'")]
    [InlineData("{'e':null}", "{'a':1}", "{'e':null,'a':1}")]
    [InlineData("[1,2]", "{'a':'b','c':null}", "{'a':'b'}")]
    [InlineData("{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}")]
    public void Apply_Follows_The_Rfc_7386_Examples(string target, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(Json.Parse(target), Json.Parse(patch));

        if (expected == "null")
        {
            result.Should().BeNull();
        }
        else
        {
            result.ShouldEqualJson(expected);
        }
    }

    [Fact]
    public void Apply_Does_Not_Change_The_Target()
    {
        var target = Json.Parse("{'a':{'b':1}}");

        JsonMergePatch.Apply(target, Json.Parse("{'a':{'b':2}}"));

        target.ShouldEqualJson("{'a':{'b':1}}");
    }

    [Theory]
    [InlineData("{'a':1,'b':{'c':1,'d':2},'l':[1,2]}", "{'a':1,'b':{'c':3},'l':[2],'n':'x'}", "{'b':{'d':null,'c':3},'l':[2],'n':'x'}")]
    [InlineData("{'a':1}", "{'a':1}", "{}")]
    [InlineData("{'a':{'b':1}}", "{'a':'flat'}", "{'a':'flat'}")]
    public void Create_Gives_The_Patch_That_Turns_Original_Into_Modified(string original, string modified, string expected)
    {
        var patch = JsonMergePatch.Create(Json.Parse(original), Json.Parse(modified));

        patch.ShouldEqualJson(expected);
        JsonMergePatch.Apply(Json.Parse(original), patch).ShouldEqualJson(modified);
    }
}
