using System.Globalization;
using Alpha.Backtesting;
using Alpha.Registry;

namespace Alpha.Training;

/// <summary>
/// Hands a retrain run to the registry (DESIGN.md § 6): the version is stored (signed when a key is given) and
/// registered as a draft; promoted to candidate when adoption passed; approved and deployed only when the policy's
/// <see cref="TrainingPolicy.AutoDeploy"/> says so. Every move is recorded with the actor <c>retrain</c>.
/// </summary>
public static class RetrainPublisher
{
    /// <summary>The actor the retrain flow acts as: <c>retrain</c>, role <c>system</c>.</summary>
    public static RegistryActor Actor { get; } = new("retrain", "system");

    /// <summary>Stores and registers a run's version, promoting it as far as adoption and the policy allow.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="modelId">The model id to register the version under.</param>
    /// <param name="result">The run.</param>
    /// <param name="autoDeploy">Whether an adopted version is deployed (<see cref="TrainingPolicy.AutoDeploy"/>).</param>
    /// <param name="signingKey">The training key; <see langword="null"/> stores an unsigned version.</param>
    /// <param name="cancellationToken">Cancels the write (nothing is left behind) or the wait for the store.</param>
    /// <returns>The version's state: draft, candidate or deployed.</returns>
    public static async Task<ModelVersionState> PublishAsync(
        ModelRegistry registry, string modelId, RetrainResult result, bool autoDeploy, ModelSigningKey? signingKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(result);
        ModelVersionState state = await registry.WriteAsync(modelId, result.Artifacts, Actor, signingKey, Summary(result), cancellationToken).ConfigureAwait(false);
        if (!result.Adoption.Adopted)
        {
            return state;
        }

        state = await registry.PromoteAsync(modelId, state.Version, Actor, "adoption passed", cancellationToken).ConfigureAwait(false);
        if (!autoDeploy)
        {
            return state;
        }

        await registry.ApproveAsync(modelId, state.Version, Actor, "auto_deploy: adoption passed", cancellationToken).ConfigureAwait(false);
        return await registry.DeployAsync(modelId, state.Version, Actor, "auto_deploy: adoption passed", cancellationToken).ConfigureAwait(false);
    }

    private static string Summary(RetrainResult result)
    {
        AdoptionDecision adoption = result.Adoption;
        string failed = string.Join(", ", adoption.Criteria.Where(c => !c.Passed).Select(c => c.Name));
        return string.Create(CultureInfo.InvariantCulture, $"retrain run; adoption {(adoption.Adopted ? "passed" : "failed: " + failed)}");
    }
}
