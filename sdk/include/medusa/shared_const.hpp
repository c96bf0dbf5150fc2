// Shared ownership of an immutable object, behind the handles that are cheap to copy
// (Regex, CompiledSchema).
//
// Like std::shared_ptr<const T>, without weak references, custom deleters or aliasing:
// the count lives in the object's own allocation, beside a function that destroys it,
// so a handle copies, moves and destroys without T being complete. Why not
// std::shared_ptr: libc++'s control block is polymorphic, and the type_info of its base,
// compiled into the prebuilt libc++, brings the C++ ABI library's type-walking code
// (dynamic_cast) into the WebAssembly module, which otherwise needs no RTTI at all
// (bench/README.md has the measured size). The count is atomic, as shared_ptr's: copies
// of one handle may be used and dropped on different threads.
#pragma once

#include <atomic>
#include <cstddef>
#include <utility>

namespace medusa::detail {

/// The header of every shared allocation: the number of handles, and how to destroy it.
struct SharedCount {
  std::atomic<std::size_t> handles{1};
  void (*destroy)(SharedCount*) noexcept = nullptr;
};

/// A counted handle to an immutable T. Empty when default-constructed or moved from.
template <class T>
class SharedConst {
 public:
  SharedConst() noexcept = default;

  /// Constructs T from `args` in a new allocation holding the count. T must be complete
  /// here only.
  template <class... Args>
  static SharedConst make(Args&&... args) {
    struct Box : SharedCount {
      T value;
      explicit Box(Args&&... a) : value(std::forward<Args>(a)...) {}
    };
    Box* box = new Box(std::forward<Args>(args)...);
    box->destroy = [](SharedCount* count) noexcept { delete static_cast<Box*>(count); };
    return SharedConst(box, &box->value);
  }

  SharedConst(const SharedConst& other) noexcept : count_(other.count_), value_(other.value_) {
    if (count_) count_->handles.fetch_add(1, std::memory_order_relaxed);
  }
  SharedConst(SharedConst&& other) noexcept
      : count_(std::exchange(other.count_, nullptr)),
        value_(std::exchange(other.value_, nullptr)) {}
  SharedConst& operator=(const SharedConst& other) noexcept {
    SharedConst(other).swap(*this);
    return *this;
  }
  SharedConst& operator=(SharedConst&& other) noexcept {
    SharedConst(std::move(other)).swap(*this);
    return *this;
  }
  ~SharedConst() {
    // acq_rel: every use through other handles happens before the destruction.
    if (count_ && count_->handles.fetch_sub(1, std::memory_order_acq_rel) == 1)
      count_->destroy(count_);
  }

  const T& operator*() const noexcept { return *value_; }
  const T* operator->() const noexcept { return value_; }
  const T* get() const noexcept { return value_; }
  explicit operator bool() const noexcept { return value_ != nullptr; }

  /// The number of handles sharing the object (0 when empty); for tests and diagnostics.
  std::size_t use_count() const noexcept {
    return count_ ? count_->handles.load(std::memory_order_relaxed) : 0;
  }

  void swap(SharedConst& other) noexcept {
    std::swap(count_, other.count_);
    std::swap(value_, other.value_);
  }

 private:
  SharedConst(SharedCount* count, const T* value) noexcept : count_(count), value_(value) {}

  SharedCount* count_ = nullptr;
  const T* value_ = nullptr;
};

}  // namespace medusa::detail
