namespace Alpha.Operations;

/// <summary>The roles' names as keys, tokens and audit records write them (<c>viewer</c>, <c>editor</c>, <c>approver</c>, <c>admin</c>).</summary>
public static class OperatorRoles
{
    /// <summary>The role's lowercase name.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined role.</exception>
    public static string Name(OperatorRole role) => role switch
    {
        OperatorRole.Viewer => "viewer",
        OperatorRole.Editor => "editor",
        OperatorRole.Approver => "approver",
        OperatorRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not an operator role."),
    };

    /// <summary>Reads a role's name (exactly as <see cref="Name"/> writes it).</summary>
    /// <returns>False when <paramref name="name"/> is not a role's name.</returns>
    public static bool TryParse(string? name, out OperatorRole role)
    {
        role = name switch
        {
            "viewer" => OperatorRole.Viewer,
            "editor" => OperatorRole.Editor,
            "approver" => OperatorRole.Approver,
            "admin" => OperatorRole.Admin,
            _ => 0,
        };
        return role != 0;
    }

    /// <summary>Reads a role's name.</summary>
    /// <exception cref="ArgumentException">Not a role's name (the message lists them).</exception>
    public static OperatorRole Parse(string? name) =>
        TryParse(name, out OperatorRole role) ? role : throw new ArgumentException($"'{name}' is not a role: viewer, editor, approver or admin.", nameof(name));
}
