using VmAddon.DevCluster.Tables;
using static VmAddon.DevCluster.Tests.Tables.TableKit;

namespace VmAddon.DevCluster.Tests.Tables;

/// <summary>The Table envelope: kind, metadata, column definitions, and what each row carries for each includeObject policy.</summary>
public sealed class TableShapeTests
{
    private static readonly Catalog.ApiResource _configMaps = Resource("", "configmaps");

    private const string ConfigMap = """
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm","namespace":"default","uid":"u-1","resourceVersion":"17","labels":{"a":"b"},
         "creationTimestamp":"2026-03-04T11:00:00Z"},"data":{"k":"v"}}
        """;

    [Fact]
    public void A_List_Table_Carries_The_List_Metadata_And_One_Row_Per_Item()
    {
        var table = Converter.ConvertList(_configMaps, [Parse(ConfigMap), Parse(ConfigMap.Replace("\"cm\"", "\"cm2\"", StringComparison.Ordinal))],
            new TableListMeta("120", "token", 5));

        ((string)table["kind"]!).Should().Be("Table");
        ((string)table["apiVersion"]!).Should().Be("meta.k8s.io/v1");
        Json(table["metadata"]).Should().Be("""{"resourceVersion":"120","continue":"token","remainingItemCount":5}""");
        table["rows"]!.AsArray().Select(r => (string)r!["cells"]![0]!).Should().Equal("cm", "cm2");
        Json(table["columnDefinitions"]![0]).Should().Be(
            $$"""{"name":"Name","type":"string","format":"name","description":"{{ColumnDescriptions.Name}}","priority":0}""");
    }

    [Fact]
    public void A_Single_Object_Table_Carries_The_Object_Resource_Version()
    {
        Json(Converter.ConvertObject(_configMaps, Parse(ConfigMap))["metadata"]).Should().Be("""{"resourceVersion":"17"}""");
    }

    [Fact]
    public void Rows_Carry_Partial_Object_Metadata_By_Default()
    {
        var row = Converter.ConvertObject(_configMaps, Parse(ConfigMap))["rows"]![0]!;

        Json(row["object"]).Should().Be("""
            {"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":{"name":"cm","namespace":"default","uid":"u-1","resourceVersion":"17","labels":{"a":"b"},"creationTimestamp":"2026-03-04T11:00:00Z"}}
            """.Trim());
        Json(row).Should().StartWith("""{"cells":["cm",1,"60m"],"object":""");
    }

    [Fact]
    public void Rows_Carry_The_Whole_Object_When_Asked_For_Objects()
    {
        var obj = Parse(ConfigMap);

        var row = Converter.ConvertObject(_configMaps, obj, new TableOptions(IncludeObjectPolicy.Object))["rows"]![0]!;

        Json(row["object"]).Should().Be(Json(obj));
        row["object"].Should().NotBeSameAs(obj);
    }

    [Fact]
    public void Rows_Carry_A_Null_Object_When_Asked_For_None()
    {
        var row = Converter.ConvertObject(_configMaps, Parse(ConfigMap), new TableOptions(IncludeObjectPolicy.None))["rows"]![0]!.AsObject();

        row.ContainsKey("object").Should().BeTrue();
        row["object"].Should().BeNull();
    }

    [Fact]
    public void No_Headers_Leaves_Column_Definitions_Null_As_On_Watch_Events_After_The_First()
    {
        var table = Converter.ConvertObject(_configMaps, Parse(ConfigMap), new TableOptions(NoHeaders: true));

        table.ContainsKey("columnDefinitions").Should().BeTrue();
        table["columnDefinitions"].Should().BeNull();
    }

    [Theory]
    [InlineData(null, true, IncludeObjectPolicy.Metadata)]
    [InlineData("", true, IncludeObjectPolicy.Metadata)]
    [InlineData("Metadata", true, IncludeObjectPolicy.Metadata)]
    [InlineData("Object", true, IncludeObjectPolicy.Object)]
    [InlineData("None", true, IncludeObjectPolicy.None)]
    [InlineData("object", false, default(IncludeObjectPolicy))]
    [InlineData("All", false, default(IncludeObjectPolicy))]
    public void IncludeObject_Parses_As_Kube_Apiserver_Reads_It(string? value, bool valid, IncludeObjectPolicy policy)
    {
        TableOptions.TryParseIncludeObject(value, out var parsed).Should().Be(valid);
        if (valid)
        {
            parsed.Should().Be(policy);
        }
    }

    [Fact]
    public void Ages_Follow_The_Clock()
    {
        var clock = new FixedClock(Now);
        var converter = new TableConverter(clock);
        var cm = Parse(ConfigMap);

        clock.Now = Now.AddDays(9);

        ((string)converter.ConvertObject(_configMaps, cm)["rows"]![0]!["cells"]![2]!).Should().Be("9d");
    }
}
