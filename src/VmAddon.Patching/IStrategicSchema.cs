namespace VmAddon.Patching;

/// <summary>Tells the strategic merge patch how to treat the field at a dotted path of field names (list items add no step).</summary>
public interface IStrategicSchema
{
    /// <summary>The metadata of the field at <paramref name="path"/>, e.g. <c>spec.containers.env</c>; <see cref="StrategicField.Untagged"/> when unknown.</summary>
    StrategicField Describe(string path);
}
