using System.Runtime.InteropServices;

namespace Alpha.Boosting.LightGbm;

/// <summary>
/// A handle LightGBM allocated, released with its own free call when disposed or finalised — also when a call
/// between creation and disposal throws. The native calls return them through <c>out</c> parameters.
/// </summary>
internal abstract class LightGbmHandle : SafeHandle
{
    protected LightGbmHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;
}
