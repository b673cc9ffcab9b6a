using System.Runtime.InteropServices;

namespace Alpha.Boosting.XGBoost;

/// <summary>An XGBoost Booster, freed with XGBoosterFree.</summary>
internal sealed class BoosterHandle : SafeHandle
{
    public BoosterHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>A booster whose caches are the given matrices (training first).</summary>
    public static BoosterHandle Create(IReadOnlyList<DMatrixHandle> caches)
    {
        var raw = new IntPtr[caches.Count];
        for (int i = 0; i < raw.Length; i++)
        {
            raw[i] = caches[i].DangerousGetHandle();
        }

        NativeMethods.Check(NativeMethods.XGBoosterCreate(raw, (ulong)raw.Length, out IntPtr booster), "XGBoosterCreate");
        GC.KeepAlive(caches);
        return Wrap(booster);
    }

    /// <summary>A booster loaded from a saved model (JSON or UBJSON bytes).</summary>
    public static unsafe BoosterHandle FromModel(ReadOnlySpan<byte> model)
    {
        NativeMethods.Check(NativeMethods.XGBoosterCreate([], 0, out IntPtr raw), "XGBoosterCreate");
        BoosterHandle booster = Wrap(raw);
        fixed (byte* data = model)
        {
            NativeMethods.Check(NativeMethods.XGBoosterLoadModelFromBuffer(booster, data, (ulong)model.Length), "XGBoosterLoadModelFromBuffer");
        }

        return booster;
    }

    public void SetParameter(string name, string value) =>
        NativeMethods.Check(NativeMethods.XGBoosterSetParam(this, name, value), $"XGBoosterSetParam({name})");

    /// <summary>The model as JSON bytes (XGBoosterSaveModelToBuffer with format json).</summary>
    public byte[] SaveJson()
    {
        NativeMethods.Check(NativeMethods.XGBoosterSaveModelToBuffer(this, """{"format": "json"}""", out ulong length, out IntPtr buffer), "XGBoosterSaveModelToBuffer");
        var bytes = new byte[checked((int)length)];
        Marshal.Copy(buffer, bytes, 0, bytes.Length);
        return bytes;
    }

    /// <summary>A new booster with the first <paramref name="rounds"/> boosting rounds.</summary>
    public BoosterHandle Slice(int rounds)
    {
        NativeMethods.Check(NativeMethods.XGBoosterSlice(this, 0, rounds, 1, out IntPtr sliced), "XGBoosterSlice");
        return Wrap(sliced);
    }

    protected override bool ReleaseHandle() => NativeMethods.XGBoosterFree(handle) == 0;

    private static BoosterHandle Wrap(IntPtr raw)
    {
        var booster = new BoosterHandle();
        booster.SetHandle(raw);
        return booster;
    }
}
