using System.Text.Json.Nodes;
using VmAddon.DevCluster.Tables;

namespace VmAddon.DevCluster.Tests.Tables;

/// <summary>The kubectl JSONPath dialect of CRD columns, including client-go's quirks.</summary>
public sealed class JsonPathTemplateTests
{
    private static readonly JsonObject _obj = JsonNode.Parse("""
        {"metadata":{"name":"vm","labels":{"app.kubernetes.io/name":"web","tier":"front"}},
         "spec":{"disks":[{"name":"root","size":10},{"name":"data","size":20},{"name":"swap","size":1}],"flag":true},
         "status":{"conditions":[{"type":"Ready","status":"True","count":2},{"type":"Synced","status":"False","count":5}]}}
        """)!.AsObject();

    [Theory]
    [InlineData("{.metadata.labels.app\\.kubernetes\\.io/name}", "web")]
    [InlineData("{.spec.disks[*].name}", "root data swap")]
    [InlineData("{.spec.disks[0:2].name}", "root data")]
    [InlineData("{.spec.disks[::2].name}", "root swap")]
    [InlineData("{.spec.disks[-2].name}", "data")]
    [InlineData("{.spec.disks[0,2].name}", "root swap")]
    [InlineData("{.spec.disks[?(@.size > 5)].name}", "root data")]
    [InlineData("{.spec.disks[?(@.size<=10)].name}", "root swap")]
    [InlineData("{.status.conditions[?(@.count>=5)].type}", "Synced")]
    [InlineData("{.status.conditions[?(@.type=='Synced')].status}", "False")]
    [InlineData("{.spec.disks[?(@.name!=\"root\")].size}", "20 1")]
    [InlineData("{.spec.*}", "[{\"name\":\"root\",\"size\":10},{\"name\":\"data\",\"size\":20},{\"name\":\"swap\",\"size\":1}] true")]
    [InlineData("{..size}", "10 20 1")]
    [InlineData("{.metadata['labels']['tier']}", "front")]
    [InlineData("{.spec.disks[3:3].name}", "")]
    public void FindResults_Follows_Client_Go(string template, string expected)
    {
        var results = JsonPathTemplate.Parse(template).FindResults(_obj);

        string.Join(" ", results[0].Select(v => v is JsonNode n ? (n is JsonValue s && s.TryGetValue<string>(out var text) ? text : n.ToJsonString()) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))
            .Should().Be(expected);
    }

    [Theory]
    [InlineData("{.spec.disks[3].name}")]
    [InlineData("{.spec.flag[0]}")]
    [InlineData("{.spec[?(@.x)]}")]
    [InlineData("{.status.conditions[?(@.count==\"2\")].type}")]
    [InlineData("{.status.conditions[?(@.type<true)].type}")]
    public void FindResults_Fails_Where_Client_Go_Fails(string template)
    {
        var find = () => JsonPathTemplate.Parse(template).FindResults(_obj);

        find.Should().Throw<JsonPathException>();
    }

    [Theory]
    [InlineData("{.a[?(@.b}")]
    [InlineData("{.a[0}")]
    [InlineData("{.a[x]}")]
    [InlineData("{.a")]
    [InlineData("{.a[\"b\"]}")]
    [InlineData("{..}{....}")]
    public void Parse_Rejects_What_Client_Go_Rejects(string template)
    {
        var parse = () => JsonPathTemplate.Parse(template);

        parse.Should().Throw<JsonPathException>();
    }

    [Fact]
    public void A_Missing_Key_Gives_No_Result_Rather_Than_An_Error()
    {
        JsonPathTemplate.Parse("{.status.nothing.deeper}").FindResults(_obj)[0].Should().BeEmpty();
    }
}
