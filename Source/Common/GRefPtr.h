/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#pragma once

#include <glib-object.h>
#include <utility>

namespace Offload {

// Owns one reference to a GObject (in the spirit of WebKit's GRefPtr). Construction from a raw pointer takes a
// new reference and sinks a floating one; adoptGRef() takes over a reference the caller already owns.
template <typename T> class GRefPtr {
public:
    GRefPtr() = default;
    GRefPtr(std::nullptr_t) { }
    explicit GRefPtr(T* ptr)
        : m_ptr(ptr)
    {
        if (m_ptr)
            g_object_ref_sink(m_ptr);
    }
    GRefPtr(const GRefPtr& other)
        : m_ptr(other.m_ptr)
    {
        if (m_ptr)
            g_object_ref(m_ptr);
    }
    GRefPtr(GRefPtr&& other) noexcept
        : m_ptr(std::exchange(other.m_ptr, nullptr))
    {
    }
    ~GRefPtr() { clear(); }

    GRefPtr& operator=(GRefPtr other) noexcept
    {
        std::swap(m_ptr, other.m_ptr);
        return *this;
    }

    T* get() const { return m_ptr; }
    T* operator->() const { return m_ptr; }
    explicit operator bool() const { return m_ptr; }

    // Gives up ownership without dropping the reference.
    T* leakRef() { return std::exchange(m_ptr, nullptr); }

    void clear()
    {
        if (auto* ptr = std::exchange(m_ptr, nullptr))
            g_object_unref(ptr);
    }

    template <typename U> friend GRefPtr<U> adoptGRef(U*);

private:
    enum class AdoptTag { Adopt };
    GRefPtr(T* ptr, AdoptTag)
        : m_ptr(ptr)
    {
    }

    T* m_ptr { nullptr };
};

// Wraps a reference the caller already owns (the return value of a "transfer full" function).
template <typename T> GRefPtr<T> adoptGRef(T* ptr)
{
    return GRefPtr<T>(ptr, GRefPtr<T>::AdoptTag::Adopt);
}

} // namespace Offload
