using System.Collections.Frozen;

namespace VmAddon.DevCluster.Protobuf;

/// <summary>One protobuf message type: its fields in Go struct order, which is the order the JSON is written in.</summary>
internal sealed class MessageSchema
{
    private readonly FrozenDictionary<int, FieldSchema> _byNumber;

    public MessageSchema(string name, params FieldSchema[] fields)
    {
        Name = name;
        Fields = fields;
        var byNumber = new Dictionary<int, FieldSchema>();
        foreach (var field in fields)
        {
            if (!byNumber.TryAdd(field.Number, field))
            {
                throw new ArgumentException($"{name} declares field {field.Number} twice", nameof(fields));
            }
        }

        _byNumber = byNumber.ToFrozenDictionary();
        var names = fields.Where(f => f.Shape is not FieldShape.Inline and not FieldShape.Ignored).Select(f => f.JsonName).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException($"{name} declares a JSON name twice", nameof(fields));
        }
    }

    public string Name { get; }

    public IReadOnlyList<FieldSchema> Fields { get; }

    public bool TryGetField(int number, out FieldSchema field) => _byNumber.TryGetValue(number, out field!);

    public override string ToString() => Name;
}
