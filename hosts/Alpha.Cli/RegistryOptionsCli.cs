using System.CommandLine;
using Alpha.Registry;
using Alpha.Storage.Postgres;
using Npgsql;

namespace Alpha.Cli;

/// <summary>
/// The options every <c>alpha models</c> command shares, and the registry they open: the models folder, the store (the
/// folder's own <c>.registry</c>, or PostgreSQL from <c>POSTGRES_URL</c> with <c>--postgres</c>), the trusted keys
/// (<c>--trusted-keys</c> or <c>ALPHA_TRUSTED_KEYS</c>; signatures are required unless <c>--allow-unsigned</c>), the
/// backup root, and who acts.
/// </summary>
internal sealed class RegistryOptionsCli
{
    public Option<DirectoryInfo> Models { get; } = new("--models") { Description = "The models folder (models_root).", Required = true };

    public Option<bool> Postgres { get; } = new("--postgres") { Description = "Keep the registry in PostgreSQL (connection from POSTGRES_URL; never a password on the command line) instead of <models>/.registry." };

    public Option<DirectoryInfo?> TrustedKeys { get; } = new("--trusted-keys") { Description = "Folder of trusted public keys (*.pem); default $ALPHA_TRUSTED_KEYS." };

    public Option<bool> AllowUnsigned { get; } = new("--allow-unsigned") { Description = "Accept versions without a trusted signature (checksums are still verified)." };

    public Option<DirectoryInfo?> Backup { get; } = new("--backup") { Description = "The backup root deploy copies versions to and restores them from." };

    public Option<string> Actor { get; } = new("--actor") { Description = "Who acts (recorded with the event); default the user name.", DefaultValueFactory = _ => Environment.UserName };

    public Option<string> Role { get; } = new("--role") { Description = "The actor's role (recorded with the event).", DefaultValueFactory = _ => "operator" };

    public void AddTo(Command command)
    {
        foreach (Option option in (Option[])[Models, Postgres, TrustedKeys, AllowUnsigned, Backup, Actor, Role])
        {
            command.Options.Add(option);
        }
    }

    public RegistryActor ActorOf(ParseResult parse)
    {
        var actor = new RegistryActor(parse.GetRequiredValue(Actor), parse.GetRequiredValue(Role));
        actor.EnsureValid();
        return actor;
    }

    public ModelTrust TrustOf(ParseResult parse)
    {
        bool require = !parse.GetValue(AllowUnsigned);
        string? folder = parse.GetValue(TrustedKeys)?.FullName ?? Environment.GetEnvironmentVariable("ALPHA_TRUSTED_KEYS");
        return string.IsNullOrEmpty(folder) ? new ModelTrust([], require) : ModelTrust.FromFolder(folder, require);
    }

    /// <summary>Opens the registry the options name; dispose it to close the database connection.</summary>
    public OpenRegistry Open(ParseResult parse, int keepVersions = 10)
    {
        var options = new RegistryOptions
        {
            ModelsRoot = parse.GetRequiredValue(Models).FullName,
            BackupRoot = parse.GetValue(Backup)?.FullName,
            Trust = TrustOf(parse),
            KeepVersions = keepVersions,
        };
        if (!parse.GetValue(Postgres))
        {
            return new OpenRegistry(ModelRegistry.Embedded(options), null);
        }

        NpgsqlDataSource dataSource = DatabaseUrl.Open();
        return new OpenRegistry(new ModelRegistry(new PostgresRegistryStore(dataSource), options), dataSource);
    }
}
