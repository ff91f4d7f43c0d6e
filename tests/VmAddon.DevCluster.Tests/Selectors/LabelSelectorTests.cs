using VmAddon.DevCluster.Selectors;

namespace VmAddon.DevCluster.Tests.Selectors;

public sealed class LabelSelectorTests
{
    [Theory]
    [InlineData("", "", true)]
    [InlineData("app=web", "app=web", true)]
    [InlineData("app==web", "app=web", true)]
    [InlineData("app=web", "app=db", false)]
    [InlineData("app=web", "", false)]
    [InlineData("app!=web", "app=db", true)]
    [InlineData("app!=web", "", true)]
    [InlineData("app!=web", "app=web", false)]
    [InlineData("app in (web, db)", "app=db", true)]
    [InlineData("app in (web,db)", "app=api", false)]
    [InlineData("app in (web)", "", false)]
    [InlineData("app notin (web)", "", true)]
    [InlineData("app notin (web,db)", "app=db", false)]
    [InlineData("app", "app=x", true)]
    [InlineData("app", "tier=x", false)]
    [InlineData("!app", "tier=x", true)]
    [InlineData("!app", "app=x", false)]
    [InlineData("app=web,tier!=db,!legacy", "app=web,tier=api", true)]
    [InlineData("app=web, tier in (api)", "app=web,tier=db", false)]
    [InlineData("vmaddon.io/vm=a", "vmaddon.io/vm=a", true)]
    [InlineData("app=", "app=", true)]
    public void Matches_Labels_As_Kubernetes_Does(string selector, string labels, bool expected)
    {
        var map = labels.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

        LabelSelector.Parse(selector).Matches(map).Should().Be(expected);
    }

    [Fact]
    public void Parse_Gives_One_Requirement_Per_Clause()
    {
        LabelSelector.Parse("a=b,c notin (x,y),!d").Requirements.Should().BeEquivalentTo(
        [
            new LabelRequirement("a", SelectorOperator.Equals, ["b"]),
            new LabelRequirement("c", SelectorOperator.NotIn, ["x", "y"]),
            new LabelRequirement("d", SelectorOperator.DoesNotExist, []),
        ], o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData("app in ()", "values set can't be empty")]
    [InlineData("app in (a", "expected: ','")]
    [InlineData("app in a", "expected: '('")]
    [InlineData("app=web,", "expected: label key")]
    [InlineData("app between (a)", "found 'between'")]
    [InlineData("-app=x", "invalid label key")]
    [InlineData("app=-x", "invalid label value")]
    [InlineData("app=a b", "expected: ','")]
    [InlineData("=x", "found '='")]
    public void Parse_Rejects_Bad_Syntax_With_A_Clear_Message(string selector, string message)
    {
        var parse = () => LabelSelector.Parse(selector);

        parse.Should().Throw<SelectorParseException>().Which.Message.Should().Contain(message);
    }
}
