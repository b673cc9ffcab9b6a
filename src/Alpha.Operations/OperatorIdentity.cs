using Alpha.Registry;

namespace Alpha.Operations;

/// <summary>Who performs an operation: an API key's name (or a token's subject) and its role.</summary>
/// <param name="Name">1–128 printable characters.</param>
/// <param name="Role">What the operator may do.</param>
public sealed record OperatorIdentity(string Name, OperatorRole Role)
{
    /// <summary>Whether the operator's role includes <paramref name="required"/>.</summary>
    public bool Has(OperatorRole required) => Role >= required;

    /// <summary>The operator as the registry records actors.</summary>
    public RegistryActor ToRegistryActor() => new(Name, OperatorRoles.Name(Role));
}
