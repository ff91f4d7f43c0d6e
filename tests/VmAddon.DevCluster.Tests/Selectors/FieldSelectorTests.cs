using VmAddon.DevCluster.Selectors;

namespace VmAddon.DevCluster.Tests.Selectors;

public sealed class FieldSelectorTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("metadata.name=p1", true)]
    [InlineData("metadata.name==p1", true)]
    [InlineData("metadata.name!=p1", false)]
    [InlineData("metadata.namespace=default,spec.nodeName=node-1", true)]
    [InlineData("spec.nodeName=node-2", false)]
    [InlineData("status.phase!=Running", true)]
    [InlineData("spec.missing=", true)]
    [InlineData("spec.missing!=", false)]
    public void Matches_Fields_At_Dotted_Paths(string selector, bool expected)
    {
        var pod = Objects.Pod("p1", "node-1", "Pending");

        FieldSelector.Parse(selector).Matches(pod).Should().Be(expected);
    }

    [Fact]
    public void Parse_Unescapes_Values()
    {
        FieldSelector.Parse(@"involvedObject.name=a\,b\=c").Requirements.Should().Equal(
            new FieldRequirement("involvedObject.name", SelectorOperator.Equals, "a,b=c"));
    }

    [Theory]
    [InlineData("metadata.name")]
    [InlineData("=x")]
    [InlineData("a=b=c")]
    public void Parse_Rejects_Bad_Terms(string selector)
    {
        var parse = () => FieldSelector.Parse(selector);

        parse.Should().Throw<SelectorParseException>();
    }
}
