// A ledger with the funds of the county reports the project is built from (shared/seeds): 432万元 of
// paired assistance for school building, conditions and student aid; a three-year drive to raise
// 2亿元; a yearly quality fund of 1000–1500万元; plus a fund whose name is an HTML payload.
// Used by the chart's unit tests, its extension-host and browser tests, and the bench.
export const HOSTILE_FUND = '<img src=x onerror=alert(1)>';

export const SAMPLE_LEDGER = [
  '编号,日期,资金,类别,类型,摘要,金额(万元),上限(万元),期间,备注',
  'T1,2023-01-01,对口帮扶援助资金,,目标,争取对口帮扶援助资金,432.00,,2023,',
  'A1,2023-03-15,对口帮扶援助资金,学校建设,拨付,幸福小学建设,200.00,,,',
  'A2,2023-05-20,对口帮扶援助资金,条件改善,拨付,教学设备更新,120.00,,,',
  'A3,2023-09-01,对口帮扶援助资金,学生资助,拨付,困难学生资助,47.20,,,',
  'T2,2023-01-01,教育基金,,筹集目标,三年2亿元教育基金筹集行动,20000.00,,2023..2025,',
  'R1,2023-06-30,教育基金,,筹集,企业捐赠,3000.00,,,',
  'R2,2023-12-20,教育基金,,筹集,爱心人士捐赠,1800.00,,,',
  'R3,2024-03-31,教育基金,,筹集,慈善组织,2500.00,,,',
  'T3,2024-01-01,教育教学质量建设资金,,目标,每年1000-1500万元,1000.00,1500.00,2024,',
  'Q1,2024-04-01,教育教学质量建设资金,教研,拨付,教研活动,600.00,,,',
  'Q2,2024-10-01,教育教学质量建设资金,奖励,拨付,质量奖励,700.00,,,',
  `X1,2024-05-01,"${HOSTILE_FUND}",,拨付,测试,1.00,,,`,
  '',
].join('\r\n');
