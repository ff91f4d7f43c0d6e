using VmAddon.Api.Schema;
using static VmAddon.DevCluster.Tests.Tables.TableKit;

namespace VmAddon.DevCluster.Tests.Tables;

/// <summary>Custom resources printed from their CRD's additionalPrinterColumns, as apiextensions-apiserver's table convertor does.</summary>
public sealed class CustomResourceTableTests
{
    private static readonly string _vmi = $$$"""
        {"apiVersion":"vmaddon.io/v1alpha1","kind":"VirtualMachineInstance",
         "metadata":{"name":"vm-a","namespace":"default","creationTimestamp":"{{{Ago(TimeSpan.FromMinutes(5))}}}","resourceVersion":"42"},
         "status":{"phase":"Running","nodeName":"node-1",
           "interfaces":[{"name":"default","ipAddress":"10.244.0.12"},{"name":"second","ipAddress":"10.0.0.9"}],
           "conditions":[{"type":"Paused","status":"False"},{"type":"Ready","status":"True"}]}}
        """;

    [Fact]
    public void The_Real_VirtualMachineInstance_Columns_Print_Age_Phase_First_IP_Node_And_The_Ready_Condition()
    {
        var resource = CustomResource([.. CrdCatalog.All[1].Definition.PrinterColumns]);

        Columns(resource).Should().Be("Name | Age | Phase | IP | NodeName | Ready");
        Cells(resource, _vmi).Should().Be("""["vm-a","5m","Running","10.244.0.12","node-1","True"]""");
    }

    [Fact]
    public void A_CRD_Without_Columns_Gets_Only_An_Age_Column()
    {
        var resource = CustomResource();

        Columns(resource).Should().Be("Name | Age");
        var age = Converter.ConvertList(resource, [])["columnDefinitions"]![1]!;
        ((string)age["type"]!).Should().Be("date");
        ((string)age["description"]!).Should().StartWith("CreationTimestamp is a timestamp representing the server time");
        Cells(resource, _vmi).Should().Be("""["vm-a","5m"]""");
    }

    [Fact]
    public void A_Column_Description_Defaults_To_Its_JSONPath_And_Priority_Is_Kept()
    {
        var table = Converter.ConvertList(CustomResource(new PrinterColumn("Node", "string", ".status.nodeName", Priority: 1), new PrinterColumn("P", "string", ".status.phase", "The phase.")), []);

        var columns = table["columnDefinitions"]!.AsArray();
        ((string)columns[1]!["description"]!).Should().Be("Custom resource definition column (in JSONPath format): .status.nodeName");
        ((int)columns[1]!["priority"]!).Should().Be(1);
        ((string)columns[2]!["description"]!).Should().Be("The phase.");
    }

    [Theory]
    [InlineData("integer", ".spec.replicas", "3")]
    [InlineData("integer", ".spec.ratio", "2")]
    [InlineData("integer", ".spec.name", "null")]
    [InlineData("number", ".spec.replicas", "3")]
    [InlineData("number", ".spec.ratio", "2.5")]
    [InlineData("boolean", ".spec.running", "true")]
    [InlineData("boolean", ".spec.name", "null")]
    [InlineData("string", ".spec.missing", "null")]
    [InlineData("date", ".spec.startedAt", "\"90s\"")]
    [InlineData("date", ".spec.name", "\"<invalid>\"")]
    [InlineData("date", ".spec.empty", "\"<unknown>\"")]
    [InlineData("date", ".spec.replicas", "null")]
    public void Cells_Are_Typed_By_The_Column_Type(string type, string path, string cell)
    {
        var resource = CustomResource(new PrinterColumn("C", type, path));
        var obj = Parse($$$$"""
            {"metadata":{"name":"x"},"spec":{"replicas":3,"ratio":2.5,"big":15000000.0,"running":true,"name":"web","nothing":null,"empty":"",
              "startedAt":"{{{{Ago(TimeSpan.FromSeconds(90))}}}}","labels":{"b":[1,2.5],"a<b":"x"}}}
            """);

        var cells = Converter.ConvertObject(resource, obj)["rows"]![0]!["cells"]!.AsArray();

        Json(cells[1]).Should().Be(cell);
    }

    [Theory]
    [InlineData(".spec.name", "web")]
    [InlineData(".spec.replicas", "3")]
    [InlineData(".spec.ratio", "2.5")]
    [InlineData(".spec.big", "1.5e+07")]
    [InlineData(".spec.tiny", "1e-05")]
    [InlineData(".spec.running", "true")]
    [InlineData(".spec.labels", """{"a\u003cb":"x","b":[1,2.5,1e-7]}""")]
    [InlineData(".spec.nothing", "<no value>")]
    public void String_Columns_Print_Any_Value_As_Go_Does(string path, string expected)
    {
        var resource = CustomResource(new PrinterColumn("C", "string", path));
        var obj = Parse("""
            {"metadata":{"name":"x"},"spec":{"replicas":3,"ratio":2.5,"big":15000000.0,"tiny":0.00001,"running":true,"name":"web","nothing":null,
              "labels":{"b":[1,2.5,1E-7],"a<b":"x"}}}
            """);

        var cells = Converter.ConvertObject(resource, obj)["rows"]![0]!["cells"]!.AsArray();

        ((string?)cells[1]).Should().Be(expected);
    }

    [Theory]
    [InlineData(".status.conditions[?(@.type==\"Ready\")].status", "True")]
    [InlineData(".status.conditions[?(@.type!=\"Ready\")].type", "Paused")]
    [InlineData(".status.conditions[?(@.reason)].type", null)]
    [InlineData(".status.conditions[?(@.status)].type", "Paused")]
    [InlineData(".status.interfaces[*].ipAddress", "10.244.0.12")]
    [InlineData(".status.interfaces[-1].name", "second")]
    [InlineData(".status.interfaces[1:].name", "second")]
    [InlineData(".status.interfaces[5].name", null)]
    [InlineData(".status.phase[0]", null)]
    [InlineData(".status.conditions[?(@.type==1)].status", null)]
    [InlineData(".metadata['name']", "vm-a")]
    [InlineData("..nodeName", "node-1")]
    public void JSONPath_Filters_Indexes_And_Slices_Take_The_First_Result(string path, string? expected)
    {
        var cells = Converter.ConvertObject(CustomResource(new PrinterColumn("C", "string", path)), Parse(_vmi))["rows"]![0]!["cells"]!.AsArray();

        ((string?)cells[1]).Should().Be(expected);
    }

    [Fact]
    public void A_Column_Whose_Path_Does_Not_Parse_Ends_The_Columns_There()
    {
        var resource = CustomResource(new PrinterColumn("Phase", "string", ".status.phase"), new PrinterColumn("Bad", "string", ".status[?(@.x"), new PrinterColumn("Node", "string", ".status.nodeName"));

        Columns(resource).Should().Be("Name | Phase");
        Cells(resource, _vmi).Should().Be("""["vm-a","Running"]""");
    }
}
