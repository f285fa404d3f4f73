#pragma once

#include <QtGlobal>

#include <cstdlib>

// The seed of a randomized test: fixed, so that a failure anywhere (CI included) reproduces
// everywhere; set CAPSOCK_TEST_SEED to explore other inputs.
inline quint32 testSeed(quint32 fixed = 20261123)
{
    if (const char *text = std::getenv("CAPSOCK_TEST_SEED"))
        return quint32(std::strtoul(text, nullptr, 10));
    return fixed;
}
