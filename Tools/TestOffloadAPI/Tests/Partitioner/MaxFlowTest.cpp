/*
 * Copyright (C) 2026 WebKit Offload authors. All rights reserved.
 * SPDX-License-Identifier: BSD-2-Clause
 */

#include "Partitioner/MaxFlow.h"

#include <gtest/gtest.h>

using Offload::Partitioner::MaxFlow;

// The flow network of Cormen et al., Fig. 26.1, whose maximum flow is 23.
TEST(MaxFlow, SolvesTheTextbookNetwork)
{
    MaxFlow flow(6);
    flow.addEdge(0, 1, 16);
    flow.addEdge(0, 2, 13);
    flow.addEdge(1, 3, 12);
    flow.addEdge(2, 1, 4);
    flow.addEdge(2, 4, 14);
    flow.addEdge(3, 2, 9);
    flow.addEdge(3, 5, 20);
    flow.addEdge(4, 3, 7);
    flow.addEdge(4, 5, 4);
    EXPECT_DOUBLE_EQ(flow.run(0, 5), 23);
    // The minimum cut {s, v1, v2, v4} | {v3, t} has capacity 12 + 7 + 4 = 23.
    auto side = flow.sourceSide(0);
    EXPECT_TRUE(side[0] && side[1] && side[2] && side[4]);
    EXPECT_FALSE(side[3] || side[5]);
}

TEST(MaxFlow, DisconnectedSinkHasZeroFlow)
{
    MaxFlow flow(3);
    flow.addEdge(0, 1, 5);
    EXPECT_EQ(flow.run(0, 2), 0);
}
