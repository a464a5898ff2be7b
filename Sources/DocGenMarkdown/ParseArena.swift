#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bump allocator for the memory of one parse: every allocation is carved from large blocks,
/// a free is nothing, and `reset()` releases the whole parse at once. cmark allocates and frees
/// a small piece of memory for every node, buffer and delimiter; through this arena a parse
/// costs a few block allocations instead (see `CMark.parse`).
///
/// Each allocation is preceded by a 16-byte header holding its size, so that `reallocate` can
/// copy the old contents (or grow the newest allocation in place). One arena serves one thread.
final class ParseArena {
    /// The block size; larger requests get a block of their own.
    static let blockSize = 256 * 1024
    private static let headerSize = 16

    /// The block being carved (the first one is kept across resets), with its extent.
    private var base: UnsafeMutableRawPointer
    private var top = 0
    private var end: Int
    /// The blocks filled (or of one large allocation) since the last reset, freed by `reset()`.
    private var retired: [UnsafeMutableRawPointer] = []
    /// The first block, kept for the next parse.
    private let first: UnsafeMutableRawPointer
    /// Whether a parse is using the arena (a nested parse on the same thread uses the system allocator).
    var inUse = false

    init() {
        first = UnsafeMutableRawPointer.allocate(byteCount: Self.blockSize, alignment: 16)
        base = first
        end = Self.blockSize
    }

    deinit {
        reset()
        first.deallocate()
    }

    /// `size` bytes, aligned on 16 bytes; zeroed when `zeroed`.
    func allocate(_ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer {
        let rounded = (size + 15) & ~15
        let needed = rounded + Self.headerSize
        if top + needed > end {
            if needed > Self.blockSize / 4 {
                // A large request gets its own block; the current block goes on being carved.
                let block = UnsafeMutableRawPointer.allocate(byteCount: needed, alignment: 16)
                retired.append(block)
                block.storeBytes(of: rounded, as: Int.self)
                let pointer = block + Self.headerSize
                if zeroed { memset(pointer, 0, rounded) }
                return pointer
            }
            let block = UnsafeMutableRawPointer.allocate(byteCount: Self.blockSize, alignment: 16)
            if base != first { retired.append(base) }
            base = block
            top = 0
            end = Self.blockSize
        }
        (base + top).storeBytes(of: rounded, as: Int.self)
        let pointer = base + top + Self.headerSize
        top += needed
        if zeroed { memset(pointer, 0, rounded) }
        return pointer
    }

    /// The allocation at `pointer` resized to `size` bytes, its contents kept up to the smaller
    /// size (a new allocation when `pointer` is nil). The added bytes are not zeroed.
    func reallocate(_ pointer: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer {
        guard let pointer else { return allocate(size, zeroed: false) }
        let header = pointer - Self.headerSize
        let old = header.load(as: Int.self)
        if size <= old { return pointer }
        let rounded = (size + 15) & ~15
        // The newest allocation of the current block grows in place when the block has room.
        if pointer > base, pointer + old == base + top, top + (rounded - old) <= end {
            top += rounded - old
            header.storeBytes(of: rounded, as: Int.self)
            return pointer
        }
        let moved = allocate(size, zeroed: false)
        moved.copyMemory(from: pointer, byteCount: old)
        return moved
    }

    /// The arena of the calling thread, made on first use and freed when the thread ends.
    static var current: ParseArena {
        if let existing = pthread_getspecific(key) { return Unmanaged<ParseArena>.fromOpaque(existing).takeUnretainedValue() }
        let arena = ParseArena()
        pthread_setspecific(key, Unmanaged.passRetained(arena).toOpaque())
        return arena
    }

    /// Calls `body` with the calling thread's arena without retaining it: cmark allocates
    /// through here for every node and buffer, and the thread's slot keeps the arena alive.
    @inline(__always)
    static func withCurrent<Result>(_ body: (ParseArena) -> Result) -> Result {
        guard let existing = pthread_getspecific(key) else { return body(current) }
        return Unmanaged<ParseArena>.fromOpaque(existing)._withUnsafeGuaranteedRef(body)
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<ParseArena>.fromOpaque(pointer).release()
        }
        return key
    }()

    /// Releases every allocation: the blocks but the first are freed, the first is carved anew.
    func reset() {
        for block in retired { block.deallocate() }
        retired.removeAll(keepingCapacity: true)
        if base != first { base.deallocate() }
        base = first
        top = 0
        end = Self.blockSize
    }
}
